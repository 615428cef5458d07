// Secrets by construction: no form of the token (as given, URL-encoded, JSON-escaped, base64, any
// fragment of 8 characters or more) survives in any error, however SalesLoft or the caller echoes it.
// Each scenario is checked in the error's message, stack, own properties, JSON.stringify, util.inspect,
// the log lines, and the CLI's stderr for the same run.

import { inspect } from 'node:util';
import nock from 'nock';
import { main } from '../connector/cli.js';
import { ConnectorError, createConnector, InputError, RefusedRequestError } from '../connector/index.js';
import { redact, registerSecret } from '../connector/secrets.js';
import { baseUrl, mainOperations, sample } from './support.js';

// Holds "/", "+" and "=" so that its URL-encoded, JSON-escaped and base64 forms all differ from it.
const token = 'slTok_9f/A+b8C=d7E.e6F~g5H';
const base64Middle = (text: string): string => Buffer.from(text).toString('base64').replace(/=+$/, '').slice(4, -4);

/** The ways a server (or a copy-paste) may echo the token. */
const forms: Array<[string, string]> = [
  ['as given', token],
  ['JSON-escaped "\\/"', token.replace('/', '\\/')],
  ['JSON-escaped "\\u002b"', token.replace('+', '\\u002b')],
  ['URL-encoded', encodeURIComponent(token)],
  ['URL-encoded, lower-case escapes', encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())],
  ['base64', Buffer.from(token).toString('base64')],
  ['base64 of "Bearer <token>"', Buffer.from(`Bearer ${token}`).toString('base64')],
  ['a 16-character prefix', token.slice(0, 16)],
  ['a 10-character suffix', token.slice(-10)],
];

/** Every 8-character piece of every form a leak could take, found independently of the connector's own redaction. */
const leakPieces = [token, encodeURIComponent(token), token.replace('/', '\\/'), token.replace('+', '\\u002b'), base64Middle(token), base64Middle(`x${token}`), base64Middle(`xx${token}`)].flatMap(
  (form) => Array.from({ length: form.length - 7 }, (_, i) => form.slice(i, i + 8)),
);
const leaksIn = (text: string): string[] => leakPieces.filter((piece) => text.includes(piece));

const exposures = (error: unknown): string => {
  const own = Object.entries(error as object).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [(error as Error).message, String((error as Error).stack), JSON.stringify(error), inspect(error, { depth: 10 }), ...own].join('\n');
};

const quick = { accessToken: token, baseUrl, retries: 0, minRetryDelayMs: 1, env: {} };
const jsonReply = (text: string): [string, Record<string, string>] => [text, { 'content-type': 'application/json' }];

interface Scenario {
  operation: string;
  input: Record<string, unknown>;
  /** Sets up the answer; absent when nothing may be sent. */
  answer?: () => void;
}

/** Where SalesLoft (or something in between) may echo a form of the token. */
const echoes: Array<[string, (form: string) => Scenario]> = [
  ['{error} of a 401', (form) => ({ operation: 'get_person', input: { person_id: 1 }, answer: () => nock(baseUrl).get('/v2/people/1').reply(401, ...jsonReply(`{"error":"token ${form} is revoked"}`)) })],
  ['a field error message of a 422', (form) => ({ operation: 'create_person_stage', input: { fields: { name: 'x' } }, answer: () => nock(baseUrl).post('/v2/person_stages').reply(422, ...jsonReply(`{"errors":{"name":["${form} is taken"]}}`)) })],
  ['a field error name of a 422', (form) => ({ operation: 'create_person_stage', input: { fields: { name: 'x' } }, answer: () => nock(baseUrl).post('/v2/person_stages').reply(422, ...jsonReply(`{"errors":{"${form}":["is invalid"]}}`)) })],
  ['a text body of a 500', (form) => ({ operation: 'create_person_stage', input: { fields: { name: 'x' } }, answer: () => nock(baseUrl).post('/v2/person_stages').reply(500, `upstream said ${form}`) })],
  ['a non-JSON 2xx, cut at 120 characters', (form) => ({ operation: 'get_person', input: { person_id: 1 }, answer: () => nock(baseUrl).get('/v2/people/1').reply(200, `<html>${'x'.repeat(104)}${form}</html>`) })],
  ['the Location of a redirect', (form) => ({ operation: 'get_person', input: { person_id: 1 }, answer: () => nock(baseUrl).get('/v2/people/1').reply(302, '', { location: `https://elsewhere.example/login?t=${form}` }) })],
  ['{error, error_description} of a 403', (form) => ({ operation: 'get_person', input: { person_id: 1 }, answer: () => nock(baseUrl).get('/v2/people/1').reply(403, ...jsonReply(`{"error":"forbidden","error_description":"scope missing for ${form}"}`)) })],
];

/** Where a caller may paste the token by mistake: echoed by the connector's own refusals. */
const pastes: Array<[string, (form: string) => Scenario]> = [
  ['a record id field', (form) => ({ operation: 'get_person', input: { person_id: form } })],
  ['a raw request full_url', (form) => ({ operation: 'raw_http_request', input: { method: 'GET', url: { full_url: `https://elsewhere.example/v2/people?token=${form}` } } })],
];

const scenarios: Array<[string, Scenario]> = [
  ...echoes.flatMap(([where, make]) => forms.map(([form, text]): [string, Scenario] => [`${form} in ${where}`, make(text)])),
  ...pastes.flatMap(([where, make]) => forms.map(([form, text]): [string, Scenario] => [`${form} pasted into ${where}`, make(text)])),
  ['an enum field holding the token', { operation: 'list_person_stages', input: { sort_by: token } }],
  ['a raw header value with a line break and the token', { operation: 'raw_http_request', input: { method: 'GET', url: { endpoint: '/v2/me' }, headers: [{ key: 'x-note', value: `a\r\n${token}` }] } }],
  ['a raw header value with the token and a character beyond Latin-1', { operation: 'raw_http_request', input: { method: 'GET', url: { endpoint: '/v2/me' }, headers: [{ key: 'x-note', value: `\u2603 ${token}` }] } }],
  ['a record id field with the token among other text', { operation: 'get_person', input: { person_id: `id ${token} here` } }],
];

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('the table holds at least the 69 scenarios of the issue', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(69);
});

describe.each(scenarios)('%s', (_, scenario) => {
  test('no form of the token in the error, its JSON, util.inspect, the log lines or the CLI stderr', async () => {
    const lines: string[] = [];
    scenario.answer?.();
    const error = await createConnector({ ...quick, log: (line) => lines.push(line) })
      .runByName(scenario.operation, scenario.input)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(leaksIn(exposures(error))).toEqual([]);
    expect(leaksIn(lines.join('\n'))).toEqual([]);

    nock.cleanAll();
    scenario.answer?.();
    const err: string[] = [];
    const out: string[] = [];
    const code = await main(['run', scenario.operation, '--input', JSON.stringify(scenario.input)], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: { SALESLOFT_ACCESS_TOKEN: token, SALESLOFT_BASE_URL: baseUrl },
    });
    expect(code).not.toBe(0);
    expect(err.join('\n')).toMatch(/^error: /);
    expect(leaksIn(err.join('\n') + out.join('\n'))).toEqual([]);
  });
});

test('a value holding the token is not echoed in an InputError at all', async () => {
  const error = (await createConnector(quick).run('get_person', { person_id: `id ${token} here` }).catch((e: unknown) => e)) as InputError;
  expect(error).toBeInstanceOf(InputError);
  expect(error.problems[0].message).toContain('a value that holds a secret, not shown');
  expect(error.message).not.toContain(' here');
});

test('a raw request refused for its URL keeps the URL, redacted', async () => {
  const error = (await createConnector(quick).run('raw_http_request', { method: 'GET', url: { full_url: `https://elsewhere.example/?t=${token}` } }).catch((e: unknown) => e)) as RefusedRequestError;
  expect(error).toBeInstanceOf(RefusedRequestError);
  expect(error.url).toBe('https://elsewhere.example/?t=[redacted]');
});

describe('every operation, SalesLoft echoing every form of the token in its error', () => {
  const echoAll = `{"error":"${forms.map(([, text]) => text).join(' ')}","errors":{"base":["${forms.map(([, text]) => text).join(' ')}"]}}`;
  test.each(mainOperations.filter((entry) => !(entry.operation.kind === 'main' && entry.operation.raw)).map((entry) => [entry.operation.name]))('%s', async (name) => {
    for (const method of ['get', 'post', 'put', 'delete'] as const) nock(baseUrl)[method](/.*/).reply(422, ...jsonReply(echoAll));
    const error = await createConnector(quick)
      .runByName(name, { ...sample(name, 'input.json'), access_token: token })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('validation');
    expect(leaksIn(exposures(error))).toEqual([]);
  });
});

describe('the secret registry', () => {
  test('any secret registered (a refresh token, a client secret) is redacted the same way', () => {
    const refreshToken = 'refresh-Zq81/xyPLm+42';
    expect(redact(`got ${refreshToken}`)).toBe(`got ${refreshToken}`);
    registerSecret(refreshToken);
    expect(redact(`got ${refreshToken} and ${encodeURIComponent(refreshToken)}`)).toBe('got [redacted] and [redacted]');
  });

  test('short values and ordinary words are left alone', () => {
    registerSecret('short');
    expect(redact('a short note about tokens')).toBe('a short note about tokens');
  });
});

test('a credential given in an input field (a callback token) is redacted from every later error', async () => {
  const callbackToken = 'cb-token-Hq7x2LmN04pZ';
  nock(baseUrl).post('/v2/webhook_subscriptions').reply(422, { errors: { callback_url: [`is not reachable with token ${callbackToken}`] } });
  const error = await createConnector({ accessToken: 'secrets-test-token-0001', baseUrl, retries: 0, env: {} })
    .run('create_webhook_subscription', { fields: { callback_url: 'https://hooks.example.com/sl', callback_token: callbackToken, event_type: 'person_created' } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorError);
  expect(`${(error as Error).message} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain(callbackToken.slice(0, 8));
});
