// The runner at the HTTP edge (nock): auth, encoding, retries, pacing, errors and secrets.

import { createServer } from 'node:net';
import { jest } from '@jest/globals';
import nock from 'nock';
import { ApiError, ConfigurationError, createConnector, InputError, NetworkError, type ConnectorOptions } from '../connector/index.js';
import { encodeQuery } from '../connector/query.js';
import { RatePacer, retryAfterSeconds } from '../connector/retry.js';
import { fillPath } from '../connector/runner.js';
import { baseUrl } from './support.js';

const token = 'secret-token-abc123';
const quick: ConnectorOptions = { accessToken: token, baseUrl, minRetryDelayMs: 1, rateLimitWindowMs: 50, env: {} };
const person = { data: { id: 1, first_name: 'Ada' } };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('authentication', () => {
  test('sends the input access_token as a Bearer token before the option and the environment', async () => {
    const scope = nock(baseUrl, { reqheaders: { authorization: 'Bearer from-input' } }).get('/v2/people/1').reply(200, person);
    const connector = createConnector({ ...quick, accessToken: 'from-option', env: { SALESLOFT_ACCESS_TOKEN: 'from-env' } });
    await expect(connector.run('get_person', { person_id: 1, access_token: 'from-input' })).resolves.toEqual(person);
    scope.done();
  });

  test('falls back to the option, then to SALESLOFT_ACCESS_TOKEN', async () => {
    nock(baseUrl, { reqheaders: { authorization: 'Bearer from-option' } }).get('/v2/people/1').reply(200, person);
    await createConnector({ ...quick, accessToken: 'from-option', env: { SALESLOFT_ACCESS_TOKEN: 'from-env' } }).run('get_person', { person_id: 1 });
    nock(baseUrl, { reqheaders: { authorization: 'Bearer from-env' } }).get('/v2/people/1').reply(200, person);
    await createConnector({ ...quick, accessToken: undefined, env: { SALESLOFT_ACCESS_TOKEN: 'from-env' } }).run('get_person', { person_id: 1 });
    expect(nock.isDone()).toBe(true);
  });

  test('without any token, fails clearly and sends nothing', async () => {
    const error = await createConnector({ ...quick, accessToken: undefined }).run('get_person', { person_id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/access_token.*SALESLOFT_ACCESS_TOKEN/);
  });

  test('SALESLOFT_BASE_URL overrides the base URL', async () => {
    const scope = nock('http://127.0.0.1:4010').get('/v2/people/7').reply(200, person);
    await createConnector({ accessToken: token, env: { SALESLOFT_BASE_URL: 'http://127.0.0.1:4010' } }).run('get_person', { person_id: 7 });
    scope.done();
  });
});

describe('request encoding', () => {
  test('SalesLoft query style: key[]=v for arrays, key[op]=v for ranges and maps, booleans as words', () => {
    expect(encodeQuery({ ids: [1, 2], updated_at: { gte: '2024-01-01T00:00:00Z', lt: '2024-02-01T00:00:00Z' }, custom_fields: { 'Lead Source': 'Web' }, active: false, page: undefined }).toString()).toBe(
      'ids%5B%5D=1&ids%5B%5D=2&updated_at%5Bgte%5D=2024-01-01T00%3A00%3A00Z&updated_at%5Blt%5D=2024-02-01T00%3A00%3A00Z&custom_fields%5BLead+Source%5D=Web&active=false',
    );
  });

  test('a path value stays one segment whatever it contains', () => {
    expect(fillPath('/v2/people/{person_id}', { person_id: '1/../../x' })).toBe('/v2/people/1%2F%2E%2E%2F%2E%2E%2Fx');
    expect(fillPath('/v2/people/{person_id}', { person_id: '..' })).toBe('/v2/people/%2E%2E');
    expect(fillPath('/v2/people/{person_id}', { person_id: '?admin=1#' })).toBe('/v2/people/%3Fadmin%3D1%23');
  });

  test('an id that would change the path is refused by the schema, nothing sent', async () => {
    const error = await createConnector(quick).run('get_person', { person_id: '1/../../x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([{ path: 'person_id', message: 'must be a record id: a positive whole number (got "1/../../x")' }]);
  });
});

describe('input errors', () => {
  test('name every bad field by its path and say what was expected', async () => {
    const error = (await createConnector(quick)
      .run('list_person_stages', { person_stage_ids: [1, 'x'], per_page: 500, sort_by: 'name', colour: 'red' })
      .catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'colour', message: expect.stringContaining('is not a field here') },
        { path: 'person_stage_ids[1]', message: expect.stringContaining('record id') },
        { path: 'per_page', message: 'must be <= 100' },
        { path: 'sort_by', message: 'must be one of: "created_at", "updated_at" (got "name")' },
      ]),
    );
    expect(error.message).toMatch(/^Invalid input for list_person_stages: /);
  });

  test('an unknown operation says how to list them', async () => {
    await expect(createConnector(quick).run('get_persons', {})).rejects.toThrow(/no operation named "get_persons".*salesloft-connector ops/);
  });
});

describe('retries', () => {
  test('429 with Retry-After is retried after that wait, for a create too', async () => {
    nock(baseUrl).post('/v2/person_stages').reply(429, { error: 'API rate limit exceeded' }, { 'Retry-After': '0' });
    nock(baseUrl).post('/v2/person_stages').reply(200, { data: { id: 3, name: 'New' } });
    await expect(createConnector(quick).run('create_person_stage', { fields: { name: 'New' } })).resolves.toEqual({ data: { id: 3, name: 'New' } });
    expect(nock.isDone()).toBe(true);
  });

  test('429 without Retry-After waits for the next rate-limit window, then retries', async () => {
    nock(baseUrl).get('/v2/people/1').reply(429, { error: 'API rate limit exceeded' });
    nock(baseUrl).get('/v2/people/1').reply(200, person);
    await expect(createConnector(quick).run('get_person', { person_id: 1 })).resolves.toEqual(person);
  });

  test('503 on a GET is retried', async () => {
    nock(baseUrl).get('/v2/people/1').reply(503, 'Service Unavailable');
    nock(baseUrl).get('/v2/people/1').reply(200, person);
    await expect(createConnector(quick).run('get_person', { person_id: 1 })).resolves.toEqual(person);
  });

  test('503 on a create is not retried: it may have reached the server', async () => {
    const scope = nock(baseUrl).post('/v2/person_stages').once().reply(503, { error: 'Service Unavailable' });
    const error = (await createConnector(quick).run('create_person_stage', { fields: { name: 'New' } }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.kind, error.attempts]).toEqual([503, 'server', 1]);
    scope.done();
  });

  test('attempts are bounded', async () => {
    nock(baseUrl).get('/v2/people/1').times(3).reply(500, { error: 'Internal Server Error' });
    const error = (await createConnector({ ...quick, retries: 2 }).run('get_person', { person_id: 1 }).catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.attempts]).toEqual([500, 3]);
    expect(error.message).toContain('after 3 attempts');
    expect(nock.isDone()).toBe(true);
  });

  test('a refused connection is retried, then reported as a network error', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    nock.enableNetConnect('127.0.0.1');
    const lines: string[] = [];
    const error = (await createConnector({ ...quick, baseUrl: `http://127.0.0.1:${port}`, retries: 2, log: (line) => lines.push(line) })
      .run('create_person_stage', { fields: { name: 'New' } })
      .catch((e: unknown) => e)) as NetworkError;
    nock.disableNetConnect();
    expect(error).toBeInstanceOf(NetworkError);
    expect([error.code, error.attempts]).toEqual(['ECONNREFUSED', 3]);
    expect(error.message).toMatch(/could not reach SalesLoft/);
    expect(lines).toHaveLength(3);
  });

  test('a timeout is reported as such', async () => {
    nock(baseUrl).post('/v2/person_stages').delay(200).reply(200, {});
    const error = (await createConnector({ ...quick, timeoutMs: 20 }).run('create_person_stage', { fields: { name: 'New' } }).catch((e: unknown) => e)) as NetworkError;
    expect([error.name, error.kind, error.attempts]).toEqual(['TimeoutError', 'timeout', 1]);
  });

  test('Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds({ 'retry-after': '7' })).toBe(7);
    expect(retryAfterSeconds({ 'retry-after': new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString() }, Date.UTC(2030, 0, 1))).toBe(30);
    expect(retryAfterSeconds({})).toBeUndefined();
  });
});

describe('pacing', () => {
  afterEach(() => jest.useRealTimers());

  test('when the remaining budget runs low, the next request waits for the next window', async () => {
    jest.useFakeTimers();
    const pacer = new RatePacer({ rateLimitWindowMs: 60_000, paceBelowRemaining: 5 });
    pacer.observe({ 'x-ratelimit-remaining-minute': '3' });
    let released = false;
    const waiting = pacer.beforeRequest().then(() => (released = true));
    await Promise.resolve();
    expect(released).toBe(false);
    jest.advanceTimersByTime(61_001);
    await waiting;
    expect(released).toBe(true);
  });

  test('with budget left, nothing waits', async () => {
    const pacer = new RatePacer({ rateLimitWindowMs: 60_000, paceBelowRemaining: 5 });
    pacer.observe({ 'x-ratelimit-remaining-minute': '400' });
    let released = false;
    await pacer.beforeRequest().then(() => (released = true));
    expect(released).toBe(true);
  });
});

describe('API errors keep SalesLoft\'s own words', () => {
  const cases: Array<[string, number, unknown, Partial<ApiError>, RegExp]> = [
    ['field errors', 422, { errors: { name: ['is already taken', 'is too long'] } }, { kind: 'validation', fieldErrors: { name: ['is already taken', 'is too long'] } }, /422 to POST \/v2\/person_stages: name is already taken, is too long/],
    ['a 422 as a list', 422, { errors: [{ attribute: 'name', message: 'is invalid' }] }, { kind: 'validation', fieldErrors: { name: ['is invalid'] } }, /name is invalid/],
    ['{error}', 401, { error: 'No Bearer Token attached to request' }, { kind: 'unauthorized', apiMessage: 'No Bearer Token attached to request' }, /401 .*No Bearer Token.*access token/],
    ['{status, error}', 404, { status: 404, error: 'Not Found' }, { kind: 'not_found', apiMessage: 'Not Found' }, /404 .*Not Found\. Check the id/],
    ['{error, error_description}', 403, { error: 'forbidden', error_description: 'required scope access not included' }, { kind: 'forbidden', apiMessage: 'forbidden: required scope access not included' }, /email_contents:read/],
    ['a text body', 500, 'upstream exploded', { kind: 'server', apiMessage: 'upstream exploded' }, /500 .*upstream exploded/],
  ];
  test.each(cases)('%s', async (_, status, body, fields, message) => {
    nock(baseUrl).post('/v2/person_stages').reply(status, body as never);
    const error = (await createConnector(quick).run('create_person_stage', { fields: { name: 'New' } }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, method: 'POST', path: '/v2/person_stages', operation: 'create_person_stage', ...fields });
    expect(error.message).toMatch(message);
  });
});

describe('secrets', () => {
  test('the token appears in no error, error JSON or log line, even when SalesLoft echoes it', async () => {
    nock(baseUrl).get('/v2/people/1').times(2).reply(401, { error: `token ${token} is revoked` });
    const lines: string[] = [];
    const error = (await createConnector({ ...quick, retries: 1, log: (line) => lines.push(line) })
      .run('get_person', { person_id: 1 })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('unauthorized');
    for (const text of [error.message, JSON.stringify(error), String(error.stack), lines.join('\n'), JSON.stringify(Object.entries(error))]) {
      expect(text).not.toContain(token);
    }
    expect(error.apiMessage).toBe('token [redacted] is revoked');
  });

  test('an input error does not echo the token given as access_token', async () => {
    const error = (await createConnector(quick).run('get_person', { person_id: 'x', access_token: token }).catch((e: unknown) => e)) as InputError;
    expect(JSON.stringify(error)).not.toContain(token);
    expect(error.message).not.toContain(token);
  });
});

describe('outputs', () => {
  test('a 204 delete returns {success: true}', async () => {
    nock(baseUrl).delete('/v2/person_stages/4').reply(204);
    await expect(createConnector(quick).run('delete_person_stage', { person_stage_id: 4 })).resolves.toEqual({ success: true });
  });
});
