// The salesloft-connector command: in-process for every command, and once as a real process
// against a local HTTP server, the way a user runs it.

import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import nock from 'nock';
import { main } from '../connector/cli.js';
import { packageRoot } from '../connector/paths.js';
import { baseUrl, registry } from './support.js';

const token = 'cli-secret-token';

const runCli = async (args: string[], env: Record<string, string | undefined> = { SALESLOFT_ACCESS_TOKEN: token, SALESLOFT_BASE_URL: baseUrl }) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), env });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('ops prints a table of every operation', async () => {
  const { code, stdout } = await runCli(['ops']);
  expect(code).toBe(0);
  expect(stdout.split('\n')[0]).toMatch(/^NAME\s+TYPE\s+METHOD\s+PATH\s+TITLE$/);
  for (const { operation } of registry.all()) expect(stdout).toMatch(new RegExp(`^${operation.name}\\s`, 'm'));
});

test('ops --json prints the manifest operations', async () => {
  const { code, stdout } = await runCli(['ops', '--json']);
  expect(code).toBe(0);
  const listed = JSON.parse(stdout) as Array<{ name: string; input_schema: object }>;
  expect(listed.map((op) => op.name)).toEqual(registry.all().map((entry) => entry.operation.name));
  expect(listed[0].input_schema).toBeDefined();
});

test('describe shows title, inputs with descriptions and a sample input', async () => {
  const { code, stdout } = await runCli(['describe', 'list_person_stages']);
  expect(code).toBe(0);
  expect(stdout).toContain('List person stages (list_person_stages, operation)');
  expect(stdout).toContain('Request: GET /v2/person_stages');
  expect(stdout).toMatch(/per_page: integer — Per page\. How many records/);
  expect(stdout).toContain('Sample input:');
});

test('describe lists the choices of a labelled enum with their labels', async () => {
  const { code, stdout } = await runCli(['describe', 'create_person']);
  expect(code).toBe(0);
  expect(stdout).toContain('fields.job_seniority: "director" (Director) | "executive" (Executive) | "individual_contributor" (Individual contributor)');
});

test('run prints the output JSON', async () => {
  nock(baseUrl, { reqheaders: { authorization: `Bearer ${token}` } }).get('/v2/people/1').reply(200, { data: { id: 1 } });
  const { code, stdout } = await runCli(['run', 'get_person', '--input', '{"person_id": 1}']);
  expect([code, JSON.parse(stdout)]).toEqual([0, { data: { id: 1 } }]);
});

test.each([
  ['invalid input', ['run', 'get_person', '--input', '{"person_id": "abc"}'], /person_id must be a record id/],
  ['not JSON', ['run', 'get_person', '--input', '{person_id: 1}'], /--input is not valid JSON/],
  ['a missing input file', ['run', 'get_person', '--input', '@/nonexistent.json'], /no file/],
  ['an unknown operation', ['run', 'get_persons', '--input', '{}'], /no operation named "get_persons"/],
  ['an unknown command', ['frobnicate'], /Unknown command/],
])('%s exits 2 with one readable line and sends nothing', async (_, args, message) => {
  const { code, stdout, stderr } = await runCli(args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(message);
});

test('no token exits 2 and says how to give one', async () => {
  const { code, stderr } = await runCli(['run', 'get_person', '--input', '{"person_id": 1}'], { SALESLOFT_BASE_URL: baseUrl });
  expect(code).toBe(2);
  expect(stderr).toMatch(/SALESLOFT_ACCESS_TOKEN/);
});

test('an API error exits 1 with the status and SalesLoft\'s message, never the token', async () => {
  nock(baseUrl).get('/v2/people/9').reply(404, { error: 'Not Found' });
  const { code, stderr } = await runCli(['run', 'get_person', '--input', `{"person_id": 9, "access_token": "${token}"}`]);
  expect(code).toBe(1);
  expect(stderr).toMatch(/^error: SalesLoft answered 404 to GET \/v2\/people\/9: Not Found\./);
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).not.toContain(token);
});

describe('the built command against a local server', () => {
  const received: Array<{ method?: string; url?: string; authorization?: string }> = [];
  const server = createServer((request: IncomingMessage, response) => {
    received.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { id: 1, display_name: 'Ada Lovelace' } }));
  });
  let url = '';
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => server.close());
  const bin = join(packageRoot, 'dist', 'connector', 'cli.js');
  const exec = promisify(execFile);

  test('run get_person sends GET /v2/people/1 with the Bearer token and prints the JSON', async () => {
    const { stdout } = await exec('node', [bin, 'run', 'get_person', '--input', '{"person_id": 1}'], { env: { ...process.env, SALESLOFT_BASE_URL: url, SALESLOFT_ACCESS_TOKEN: 't' } });
    expect(JSON.parse(stdout)).toEqual({ data: { id: 1, display_name: 'Ada Lovelace' } });
    expect(received).toEqual([{ method: 'GET', url: '/v2/people/1', authorization: 'Bearer t' }]);
  });

  test('invalid input exits 2 and sends nothing', async () => {
    received.length = 0;
    const failure = await exec('node', [bin, 'run', 'get_person', '--input', '{"person_id": "one"}'], { env: { ...process.env, SALESLOFT_BASE_URL: url, SALESLOFT_ACCESS_TOKEN: 't' } }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(2);
    expect((failure as { stderr: string }).stderr).toMatch(/person_id must be a record id/);
    expect(received).toEqual([]);
  });
});
