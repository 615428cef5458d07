// raw_http_request: the token goes only to the API's own origin; every trick to send it elsewhere is
// refused before anything is sent; caller auth headers are dropped; redirects are not followed.

import nock from 'nock';
import { createConnector, RefusedRequestError } from '../connector/index.js';
import { baseUrl, recordRequests } from './support.js';

const token = 'raw-secret-token-123';
const connector = createConnector({ accessToken: token, baseUrl, retries: 0, env: {} });
const run = (input: Record<string, unknown>) => connector.runByName('raw_http_request', input) as Promise<{ response: { status_code: number; headers: Record<string, unknown>; body: unknown; raw_body?: string } }>;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test.each([
  ['another host', { full_url: 'https://evil.example/v2/people' }],
  ['another scheme on the API host', { full_url: 'http://api.salesloft.com/v2/people' }],
  ['another port on the API host', { full_url: 'https://api.salesloft.com:8443/v2/people' }],
  ['a look-alike host', { full_url: 'https://api.salesloft.com.evil.example/v2/people' }],
  ['user info before the host', { full_url: 'https://api.salesloft.com@evil.example/v2/people' }],
  ['user info on the API host', { full_url: 'https://user:pass@api.salesloft.com/v2/people' }],
  ['a protocol-relative endpoint', { endpoint: '//evil.example/v2/people' }],
  ['a backslash endpoint', { endpoint: '/\\evil.example/v2/people' }],
  ['a backslash in a full URL', { full_url: 'https://api.salesloft.com\\@evil.example/' }],
  ['an @ in the endpoint path', { endpoint: '/@evil.example/v2' }],
  ['a scheme given as endpoint', { endpoint: 'https://evil.example/v2/people' }],
  ['a relative endpoint', { endpoint: 'v2/people' }],
  ['a parent-directory endpoint', { endpoint: '/v2/../../oauth/token' }],
  ['a control character', { endpoint: '/v2/people\n/x' }],
])('refuses %s and sends nothing', async (_, url) => {
  const sent = recordRequests(() => [200, {}]);
  nock('https://evil.example').persist().get(/.*/).reply(200, 'stolen');
  const error = await run({ method: 'GET', url }).catch((e: unknown) => e);
  expect(['RefusedRequestError', 'InputError']).toContain((error as Error).name);
  expect((error as Error).message).toMatch(/Nothing was sent|Invalid input/);
  expect(JSON.stringify(error)).not.toContain(token);
  expect(sent).toEqual([]);
});

test('a full URL on the API origin is allowed', async () => {
  const sent = recordRequests(() => [200, { data: [] }]);
  const { response } = await run({ method: 'GET', url: { full_url: `${baseUrl}/v2/people?per_page=5` } });
  expect(response).toMatchObject({ status_code: 200, body: { data: [] } });
  expect(sent[0]).toMatchObject({ path: '/v2/people', query: { per_page: '5' } });
  expect(sent[0].headers.authorization).toBe(`Bearer ${token}`);
});

test('caller Authorization, Cookie and Host headers are dropped; others are sent', async () => {
  const sent = recordRequests(() => [200, {}]);
  await run({
    method: 'GET',
    url: { endpoint: '/v2/me' },
    headers: [
      { key: 'Authorization', value: 'Bearer stolen' },
      { key: 'cookie', value: 'session=1' },
      { key: 'Host', value: 'evil.example' },
      { key: 'X-Trace', value: 'abc' },
    ],
  });
  expect(sent[0].headers.authorization).toBe(`Bearer ${token}`);
  expect(sent[0].headers.cookie).toBeUndefined();
  expect(sent[0].headers.host).toBe('api.salesloft.com');
  expect(sent[0].headers['x-trace']).toBe('abc');
});

test('a redirect is returned, not followed', async () => {
  nock(baseUrl).get('/v2/people').reply(302, '', { location: 'https://evil.example/steal' });
  const evil = nock('https://evil.example').get('/steal').reply(200, 'stolen');
  const { response } = await run({ method: 'GET', url: { endpoint: '/v2/people' } });
  expect(response.status_code).toBe(302);
  expect(response.headers.location).toBe('https://evil.example/steal');
  expect(evil.isDone()).toBe(false);
});

test('an error status is returned as the response, with SalesLoft\'s body', async () => {
  nock(baseUrl).get('/v2/people/9').reply(404, { error: 'Not Found' });
  const { response } = await run({ method: 'GET', url: { endpoint: '/v2/people/9' } });
  expect(response).toMatchObject({ status_code: 404, body: { error: 'Not Found' } });
});

test.each([
  ['a raw JSON object', { raw: { name: 'Stage' } }, { name: 'Stage' }, 'application/json'],
  ['a raw text', { raw: 'plain words' }, 'plain words', 'text/plain'],
  ['form fields', { form_urlencoded: [{ key: 'name', value: 'Stage A' }] }, 'name=Stage+A', 'application/x-www-form-urlencoded'],
])('sends %s as the body', async (_, body, expected, contentType) => {
  const sent = recordRequests(() => [200, { data: { id: 1 } }]);
  await run({ method: 'POST', url: { endpoint: '/v2/person_stages' }, body });
  expect(sent[0].body).toEqual(expected);
  expect(sent[0].headers['content-type']).toBe(contentType);
});

test('query parameters are added in order; parse_response "false" and include_raw_body give text', async () => {
  const sent = recordRequests(() => [200, { data: [] }]);
  const { response } = await run({
    method: 'GET',
    url: { endpoint: '/v2/people' },
    query_parameters: [
      { key: 'ids[]', value: '1' },
      { key: 'ids[]', value: '2' },
    ],
    parse_response: 'false',
    include_raw_body: true,
  });
  expect(sent[0].query).toEqual({ 'ids[]': ['1', '2'] });
  expect(response.body).toBe('{"data":[]}');
  expect(response.raw_body).toBe('{"data":[]}');
});

test('the refusal is a RefusedRequestError that names the URL', async () => {
  const error = (await run({ method: 'GET', url: { full_url: 'https://evil.example/x' } }).catch((e: unknown) => e)) as RefusedRequestError;
  expect(error).toBeInstanceOf(RefusedRequestError);
  expect(error).toMatchObject({ kind: 'refused', url: 'https://evil.example/x' });
  expect(error.message).toMatch(/only sends its SalesLoft token to https:\/\/api\.salesloft\.com/);
});
