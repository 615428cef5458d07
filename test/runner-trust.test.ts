// The runner's promises under hostile conditions: outcomes said when an answer is lost, input that
// cannot hurt (calendar-valid, linear formats, bounded depth, safe integers, header-safe values), and
// one deadline for a whole run (checked on an injected clock, never with timed assertions).

import { createServer as createHttpServer } from 'node:http';
import nock from 'nock';
import { main } from '../connector/cli.js';
import { ApiError, ConfigurationError, ConnectorError, createConnector, InputError, NetworkError, RefusedRequestError, type ConnectorOptions } from '../connector/index.js';
import { RateLimitedError, UnexpectedError } from '../connector/errors.js';
import type { Clock } from '../connector/retry.js';
import { ajv, isDate, isDateTime, isEmail, sharedSchemaProblems } from '../connector/schema.js';
import { baseUrl, recordRequests } from './support.js';

const token = 'trust-token-0123456789';
const quick: ConnectorOptions = { accessToken: token, baseUrl, minRetryDelayMs: 1, rateLimitWindowMs: 50, env: {} };
const failureOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (e: unknown) => e);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** A clock whose sleeps pass at once, moving its time forward. */
const fakeClock = (start = 0): Clock & { time: number } => {
  const clock = {
    time: start,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += ms;
    },
  };
  return clock;
};

/** A loopback server that reads each request, then drops the connection without answering. */
const losingServer = async (): Promise<{ url: string; received: () => number; close: () => void }> => {
  let received = 0;
  const server = createHttpServer((request) => {
    received += 1;
    request.resume();
    request.on('end', () => request.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  nock.enableNetConnect('127.0.0.1');
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, received: () => received, close: () => (nock.disableNetConnect(), server.close()) };
};

describe('outcomes', () => {
  test.each([
    ['a 503 to a create', 'post', 503, 'unknown'],
    ['a 504 from a proxy to a create', 'post', 504, 'unknown'],
    ['a 422 to a create', 'post', 422, 'not_applied'],
    ['a 401 to a create', 'post', 401, 'not_applied'],
  ] as const)('%s: outcome %s', async (_, method, status, outcome) => {
    nock(baseUrl)[method]('/v2/person_stages').reply(status, { error: 'Gateway' });
    const error = (await failureOf(createConnector(quick).run('create_person_stage', { fields: { name: 'New' } }))) as ApiError;
    expect([error.status, error.outcome, error.attempts]).toEqual([status, outcome, 1]);
    if (outcome === 'unknown') expect(error.message).toMatch(/may have been applied.*check whether it was.*before running again/);
    else expect(error.message).not.toMatch(/may have been applied/);
  });

  test('a read that fails is never an unknown outcome', async () => {
    nock(baseUrl).get('/v2/people/1').times(3).reply(500, { error: 'Internal Server Error' });
    const error = (await failureOf(createConnector({ ...quick, retries: 2 }).run('get_person', { person_id: 1 }))) as ApiError;
    expect([error.attempts, error.outcome]).toEqual([3, 'not_applied']);
  });

  test('an idempotent write that keeps failing is unknown, and says running again is safe', async () => {
    nock(baseUrl).put('/v2/person_stages/4').times(2).reply(503, { error: 'Service Unavailable' });
    const error = (await failureOf(createConnector({ ...quick, retries: 1 }).run('update_person_stage', { person_stage_id: 4, fields: { name: 'Renamed' } }))) as ApiError;
    expect([error.attempts, error.outcome]).toEqual([2, 'unknown']);
    expect(error.message).toMatch(/running again is safe/);
  });

  test('a connection lost after a create was sent: unknown, not retried', async () => {
    const server = await losingServer();
    const error = (await failureOf(createConnector({ ...quick, baseUrl: server.url }).run('create_person_stage', { fields: { name: 'New' } }))) as NetworkError;
    server.close();
    expect(error).toBeInstanceOf(NetworkError);
    expect([error.code, error.outcome, error.attempts, server.received()]).toEqual(['ECONNRESET', 'unknown', 1, 1]);
    expect(error.message).toMatch(/may have been applied/);
  });

  test('a create that timed out is unknown', async () => {
    nock(baseUrl).post('/v2/person_stages').delay(200).reply(200, {});
    const error = (await failureOf(createConnector({ ...quick, timeoutMs: 20 }).run('create_person_stage', { fields: { name: 'New' } }))) as NetworkError;
    expect([error.kind, error.outcome]).toEqual(['timeout', 'unknown']);
  });

  test('a non-JSON 2xx to a create is unknown', async () => {
    nock(baseUrl).post('/v2/person_stages').reply(200, '<html>proxy page</html>');
    const error = (await failureOf(createConnector(quick).run('create_person_stage', { fields: { name: 'New' } }))) as ApiError;
    expect(error.outcome).toBe('unknown');
  });

  test('errors where nothing was sent are not_applied', async () => {
    const input = (await failureOf(createConnector(quick).run('get_person', { person_id: 'x' }))) as InputError;
    const config = (await failureOf(createConnector({ ...quick, accessToken: undefined }).run('get_person', { person_id: 1 }))) as ConfigurationError;
    expect([input.outcome, config.outcome]).toEqual(['not_applied', 'not_applied']);
  });

  test('the CLI line says the outcome is unknown', async () => {
    nock(baseUrl).post('/v2/person_stages').reply(502, { error: 'Bad Gateway' });
    const err: string[] = [];
    const code = await main(['run', 'create_person_stage', '--input', '{"fields": {"name": "New"}}'], { out: () => undefined, err: (text) => err.push(text), env: { SALESLOFT_ACCESS_TOKEN: token, SALESLOFT_BASE_URL: baseUrl } });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/outcome: unknown - the change may have been applied/);
  });
});

describe("create_task's idempotency key", () => {
  const task = { fields: { subject: 'Call', person_id: 1, user_id: 2, task_type: 'call', due_date: '2025-01-31' } };

  test('one is generated per run and sent again on retry, so a lost answer is retried safely', async () => {
    let answered = 0;
    const sent = recordRequests(() => (answered++ === 0 ? [503, { error: 'Service Unavailable' }] : [200, { data: { id: 9 } }]));
    await expect(createConnector(quick).run('create_task', task)).resolves.toEqual({ data: { id: 9 } });
    const keys = sent.map((request) => (request.body as { idempotency_key: string }).idempotency_key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    await createConnector(quick).run('create_task', task);
    expect((sent[2].body as { idempotency_key: string }).idempotency_key).not.toBe(keys[0]);
  });

  test("the caller's own key is kept, and named when the outcome stays unknown", async () => {
    const sent = recordRequests(() => [503, { error: 'Service Unavailable' }]);
    const error = (await failureOf(createConnector({ ...quick, retries: 1 }).run('create_task', { fields: { ...task.fields, idempotency_key: 'mine-1' } }))) as ApiError;
    expect(sent.map((request) => (request.body as { idempotency_key: string }).idempotency_key)).toEqual(['mine-1', 'mine-1']);
    expect(error.outcome).toBe('unknown');
    expect(error.message).toContain('Running again with fields.idempotency_key "mine-1" is safe');
  });
});

/** An object nested `depth` levels deep, built without recursion. */
const nested = (depth: number): Record<string, unknown> => {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('hostile input', () => {
  const formatCases: Array<[string, string[], string[]]> = [
    ['date-time', ['2024-02-29T10:00:00Z', '2024-01-31T23:59:59.123+02:00', '2024-01-31T09:00'], ['2099-13-01T00:00:00Z', '2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-01-31T24:00:00Z', '2024-01-31T10:60:00Z', '2024-01-31', `2024-01-31T00:00:00${'0'.repeat(1_000_000)}`]],
    ['date', ['2024-02-29', '2025-12-31'], ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-01-31T00:00:00Z', '9'.repeat(1_000_000)]],
    ['email', ['jane@example.com', 'a.b+c@mail.example.co.uk'], ['jane@', '@example.com', 'jane@example', 'a@b@c.d', 'jane doe@example.com', `a@${'a.'.repeat(40_000)}`, `${'a'.repeat(1_000_000)}@example.com`]],
  ];
  const aliases: Record<string, string[]> = { 'date-time': ['date-time', 'iso-datetime', 'iso-date-or-datetime'], date: ['date', 'iso-date', 'iso-date-or-datetime'], email: ['email'] };

  describe.each(formatCases)('format %s', (format, valid, invalid) => {
    test.each(aliases[format])('registered as %s: calendar-valid values pass, impossible and hostile ones fail', (name) => {
      const validate = ajv.compile({ type: 'string', format: name });
      for (const value of valid) expect([value, validate(value)]).toEqual([value, true]);
      for (const value of invalid) {
        if (name === 'iso-date-or-datetime' && (isDate(value) || isDateTime(value))) continue;
        expect([value.slice(0, 60), validate(value)]).toEqual([value.slice(0, 60), false]);
      }
    });
  });

  test('the shared schemas, registered without a meta-schema check at start-up, are valid', () => {
    expect(sharedSchemaProblems()).toEqual([]);
  });

  test('the checks are plain functions with the same answers', () => {
    expect([isDate('2024-02-30'), isDateTime('2099-13-01T00:00:00Z'), isEmail(`${'a'.repeat(80_000)}@`)]).toEqual([false, false, false]);
  });

  test.each([
    ['an impossible date-time in a range', 'list_people', { updated_at: { gte: '2099-13-01T00:00:00Z' } }, 'updated_at.gte'],
    ['February 30', 'create_task', { fields: { subject: 'x', person_id: 1, user_id: 2, task_type: 'call', due_date: '2024-02-30' } }, 'fields.due_date'],
    ['an 80,000-character hostile email', 'create_person', { fields: { email_address: `a@${'a.'.repeat(40_000)}` } }, 'fields.email_address'],
    ['a 10,000-deep object in an enum field', 'list_person_stages', { sort_by: nested(10_000) }, 'sort_by.a.a'],
    ['a 100,000-deep free-form record', 'create_person', { fields: { last_name: 'x', custom_fields: nested(100_000) } }, 'fields.custom_fields.a'],
    ['an id beyond the safe integers', 'get_person', { person_id: 1e21 }, 'person_id'],
    ['a token with a line break', 'get_person', { person_id: 1, access_token: 'abc\r\nX-Injected: 1' }, 'access_token'],
    ['a token beyond Latin-1', 'get_person', { person_id: 1, access_token: 'token-\u2603-0123456789' }, 'access_token'],
    ['a raw header value with a line break', 'raw_http_request', { method: 'GET', url: { endpoint: '/v2/me' }, headers: [{ key: 'x-note', value: 'a\r\nb' }] }, 'headers[0].value'],
  ])('%s is an InputError naming the field, with a bounded message, nothing sent', async (_, name, input, path) => {
    const sent = recordRequests(() => [200, {}]);
    const error = (await failureOf(createConnector({ ...quick, accessToken: 'option-token-0123456789' }).run(name, input as never))) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems.map((problem) => problem.path).some((problemPath) => problemPath.startsWith(path))).toBe(true);
    expect(error.message.length).toBeLessThanOrEqual(4096);
    for (const problem of error.problems) expect(problem.message.length).toBeLessThan(400);
    expect(sent).toEqual([]);
  });

  test('a 1 MB bad value is echoed in at most about 100 characters', async () => {
    const error = (await failureOf(createConnector(quick).run('list_person_stages', { sort_by: 'x'.repeat(1_000_000) }))) as InputError;
    expect(error.problems[0].message).toMatch(/\(got "x{100}…"\)$/);
    expect(error.message.length).toBeLessThan(400);
  });

  test('messages never pass 4 KB, however many fields are wrong', async () => {
    const input = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`unknown_field_${i}`, i]));
    const error = (await failureOf(createConnector(quick).run('list_people', input))) as InputError;
    expect(error.message.length).toBeLessThanOrEqual(4096);
    expect(error.message).toMatch(/more (problems|characters)\)?$/);
  });

  test('a token option HTTP cannot carry is a ConfigurationError, nothing sent, no retries', async () => {
    const sent = recordRequests(() => [200, {}]);
    const error = await failureOf(createConnector({ ...quick, accessToken: 'bad\ntoken-0123456789' }).run('get_person', { person_id: 1 }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).not.toContain('bad\ntoken');
    expect(sent).toEqual([]);
  });

  test('an unparseable full_url is a RefusedRequestError', async () => {
    const error = await failureOf(createConnector(quick).run('raw_http_request', { method: 'GET', url: { full_url: 'http://[::1:80/v2/people' } }));
    expect(error).toBeInstanceOf(RefusedRequestError);
  });

  test('a cyclic input is refused as too deep; a non-object input is an InputError', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await failureOf(createConnector(quick).run('list_people', cyclic))).toBeInstanceOf(InputError);
    expect(await failureOf(createConnector(quick).run('list_people', null as never))).toBeInstanceOf(InputError);
    expect(await failureOf(createConnector(quick).run('list_people', [1] as never))).toBeInstanceOf(InputError);
  });

  test('anything unforeseen still fails as a ConnectorError', async () => {
    const input = Object.defineProperty({}, 'per_page', { enumerable: true, get: () => { throw new RangeError('hostile getter'); } });
    const error = await failureOf(createConnector(quick).run('list_people', input));
    expect(error).toBeInstanceOf(UnexpectedError);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as UnexpectedError).message).toMatch(/RangeError: hostile getter.*Nothing was sent/);
  });

  test('the CLI exits 2 for a deeply nested input', async () => {
    const err: string[] = [];
    const code = await main(['run', 'list_person_stages', '--input', `{"sort_by":${'{"a":'.repeat(5_000)}{}${'}'.repeat(5_000)}}`], { out: () => undefined, err: (text) => err.push(text), env: { SALESLOFT_ACCESS_TOKEN: token, SALESLOFT_BASE_URL: baseUrl } });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/nested too deeply/);
  });
});

describe('time bounds (on an injected clock)', () => {
  test('a 429 whose next window is past the deadline fails at once, saying how long it waited and when to try again', async () => {
    const clock = fakeClock(10_000);
    const sent = recordRequests(() => [429, { error: 'API rate limit exceeded' }]);
    const error = (await failureOf(createConnector({ ...quick, clock, rateLimitWindowMs: 60_000, maxRetryTimeMs: 4_500 }).run('get_person', { person_id: 1 }))) as ApiError;
    expect([error.status, error.kind, sent.length, error.waitedMs]).toEqual([429, 'rate_limited', 1, 0]);
    expect(Date.parse(error.retryAt!)).toBeGreaterThanOrEqual(60_000);
    expect(error.message).toMatch(/Waited 0\.0 s in all.*Try again after 1970-01-01T00:01:00/);
    expect(clock.time).toBe(10_000);
  });

  test('repeated 429s with Retry-After stop inside maxRetryTimeMs', async () => {
    const clock = fakeClock();
    const sentAt: number[] = [];
    recordRequests(() => (sentAt.push(clock.now()), [429, { error: 'API rate limit exceeded' }, { 'retry-after': '1' }]));
    const error = (await failureOf(createConnector({ ...quick, clock, retries: 20, maxRetryTimeMs: 4_500 }).run('get_person', { person_id: 1 }))) as ApiError;
    expect(error.status).toBe(429);
    expect(clock.time).toBeLessThanOrEqual(4_500);
    expect(sentAt.length).toBeGreaterThanOrEqual(4);
    expect(sentAt.length).toBeLessThanOrEqual(5);
    expect(error.waitedMs).toBe(clock.time);
  });

  test('a 429 without Retry-After is retried at the start of the next window, with a small jitter and no backoff', async () => {
    const clock = fakeClock(30_000);
    const sentAt: number[] = [];
    let answered = 0;
    recordRequests(() => (sentAt.push(clock.now()), answered++ === 0 ? [429, { error: 'API rate limit exceeded' }] : [200, { data: { id: 1 } }]));
    await createConnector({ ...quick, clock, rateLimitWindowMs: 60_000, minRetryDelayMs: 5_000 }).run('get_person', { person_id: 1 });
    expect(sentAt[0]).toBe(30_000);
    expect(sentAt[1]).toBeGreaterThanOrEqual(60_000);
    expect(sentAt[1]).toBeLessThanOrEqual(60_250);
  });

  test("the pacer's pause counts against the deadline: nothing is sent when it would pass it", async () => {
    const clock = fakeClock(1_000);
    const sent = recordRequests(() => [200, { data: { id: 1 } }, { 'x-ratelimit-remaining-minute': '2' }]);
    const connector = createConnector({ ...quick, clock, rateLimitWindowMs: 60_000, maxRetryTimeMs: 5_000 });
    await connector.run('get_person', { person_id: 1 });
    const error = (await failureOf(connector.run('get_person', { person_id: 1 }))) as RateLimitedError;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect([error.kind, sent.length]).toEqual(['rate_limited', 1]);
    expect(error.message).toMatch(/was not sent.*Try again after/);
  });

  test('a 429 whose retries ran out says when to try again too', async () => {
    const clock = fakeClock(5_000);
    recordRequests(() => [429, { error: 'API rate limit exceeded' }]);
    const error = (await failureOf(createConnector({ ...quick, clock, retries: 1, rateLimitWindowMs: 60_000 }).run('get_person', { person_id: 1 }))) as ApiError;
    expect([error.status, error.attempts]).toEqual([429, 2]);
    expect(Date.parse(error.retryAt!)).toBeGreaterThanOrEqual(120_000);
    expect(error.message).toMatch(/Waited 55\.\d s in all.*Try again after 1970-01-01T00:02:00/);
  });

  test('backoff after 5xx stops at the deadline too', async () => {
    const clock = fakeClock();
    recordRequests(() => [503, { error: 'Service Unavailable' }]);
    const error = (await failureOf(createConnector({ ...quick, clock, retries: 20, minRetryDelayMs: 1_000, maxRetryTimeMs: 10_000 }).run('get_person', { person_id: 1 }))) as ApiError;
    expect(error.status).toBe(503);
    expect(clock.time).toBeLessThanOrEqual(10_000);
    expect(error.retryAt).toBeDefined();
  });

  test('every page of a DDL shares the one deadline', async () => {
    const clock = fakeClock();
    let calls = 0;
    recordRequests((request) => {
      calls += 1;
      if (calls % 2 === 1) return [429, { error: 'API rate limit exceeded' }, { 'retry-after': '1' }];
      const page = Number(request.query.page);
      return [200, { data: [{ id: page, name: `User ${page}` }], metadata: { paging: { next_page: page + 1 } } }];
    });
    const error = (await failureOf(createConnector({ ...quick, clock, maxRetryTimeMs: 2_500 }).run('list_users_ddl', {}))) as ApiError;
    expect(error.status).toBe(429);
    expect(clock.time).toBeLessThanOrEqual(2_500);
    expect(calls).toBe(5);
  });
});
