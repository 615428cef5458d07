// The playground's server without a browser: its JSON endpoints against the embedded sandbox, the
// errors worded as the CLI words them, the token kept on the server, and only its own page answered.

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { main } from '../connector/cli.js';
import { packageRoot } from '../connector/paths.js';
import { startPlayground, type Playground } from '../playground/server.js';
import { runPlayground } from '../playground/cli.js';
import type { ManifestReply, RunReply } from '../playground/protocol.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { cliErrorFor, registry } from './support.js';

const post = async (playground: Playground, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> => {
  const response = await fetch(`${playground.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
};

const run = async (playground: Playground, operation: string, input: Record<string, unknown>, path = '/api/run'): Promise<RunReply> => {
  const { status, text } = await post(playground, path, { operation, input });
  expect([status, text.slice(0, 200)]).toEqual([200, expect.any(String)]);
  return JSON.parse(text) as RunReply;
};

describe('against the embedded sandbox', () => {
  let playground: Playground;
  beforeAll(async () => {
    playground = await startPlayground({ env: {} });
  });
  afterAll(() => playground.close());

  test('the page and its bundle are served, and the manifest lists every operation with its resource', async () => {
    const page = await fetch(`${playground.url}/`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const html = await page.text();
    expect(html).toContain('<script src="/app.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    for (const [path, type] of [
      ['/app.js', 'text/javascript; charset=utf-8'],
      ['/app.css', 'text/css; charset=utf-8'],
    ]) {
      const response = await fetch(`${playground.url}${path}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, type]);
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
    const manifest = (await (await fetch(`${playground.url}/api/manifest`)).json()) as ManifestReply;
    expect(manifest.target).toEqual({ kind: 'sandbox', baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(manifest.operations.map((operation) => operation.name)).toEqual(registry.all().map((entry) => entry.operation.name));
    const resources = Object.fromEntries(manifest.operations.map((operation) => [operation.name, operation.resource]));
    expect(resources).toMatchObject({ create_call: 'calls', list_calls_ddl: 'calls', upsert_person: 'people', create_bulk_job_data: 'bulk_jobs', list_steps_ddl: 'steps' });
    expect(manifest.operations.filter((operation) => !operation.resource)).toEqual([]);
  });

  test('a run answers with the request the sandbox received (token redacted) and the output', async () => {
    const reply = await run(playground, 'create_call', { fields: { person_id: 3001, disposition: 'Connected' } });
    expect(reply.error).toBeUndefined();
    expect(reply.output).toMatchObject({ data: { disposition: 'Connected', called_person: { id: 3001 } } });
    expect(reply.requests).toEqual([{ method: 'POST', path: '/v2/activities/calls', query: {}, body: { person_id: 3001, disposition: 'Connected' }, authorization: 'Bearer [redacted]' }]);
    expect(reply.log).toEqual(['POST /v2/activities/calls -> 200 (attempt 1)']);
  });

  test('each run shows only its own requests', async () => {
    const [people, steps] = await Promise.all([run(playground, 'list_people', { per_page: 2 }), run(playground, 'list_steps', { cadence_id: 501 })]);
    expect(people.requests.map((request) => [request.path, request.query])).toEqual([['/v2/people', { per_page: '2' }]]);
    expect(steps.requests.map((request) => [request.path, request.query])).toEqual([['/v2/steps', { cadence_id: '501' }]]);
  });

  test('an invalid input: nothing sent, the problems by field path, the message as the CLI prints it', async () => {
    const input = { fields: { duration: -5 } };
    const reply = await run(playground, 'create_call', input);
    expect(reply.requests).toEqual([]);
    expect(reply.error).toMatchObject({ kind: 'input', problems: [{ path: 'fields.person_id', message: 'is required' }, { path: 'fields.duration', message: 'must be >= 0' }] });
    expect(reply.error!.message).toBe(await cliErrorFor('create_call', input, playground.target.baseUrl));
  });

  test("SalesLoft's own errors: worded as the CLI words them, field errors placed on the form's fields", async () => {
    const missing = await run(playground, 'get_person', { person_id: 999999 });
    expect(missing.error).toMatchObject({ kind: 'not_found', status: 404, problems: [] });
    expect(missing.error!.message).toBe(await cliErrorFor('get_person', { person_id: 999999 }, playground.target.baseUrl));

    const taken = await run(playground, 'create_person', { fields: { email_address: 'olivia.martinez@northwindtraders.com' } });
    expect(taken.error).toMatchObject({ kind: 'validation', status: 422, problems: [{ path: 'fields.email_address', message: 'is already taken' }] });
  });

  test('the DDL endpoint fills dropdowns, with dependent inputs and search text', async () => {
    const steps = await run(playground, 'list_steps_ddl', { cadence_id: 502 }, '/api/ddl');
    expect((steps.output as { result: Array<{ value: unknown }> }).result.map((choice) => choice.value)).toEqual([604, 605, 606]);
    const people = await run(playground, 'list_people_ddl', { search: 'olivia' }, '/api/ddl');
    expect((people.output as { result: Array<{ value: unknown }> }).result.map((choice) => choice.value)).toEqual([3001]);
  });

  test('the DDL endpoint runs only DDLs, so a dropdown can never write', async () => {
    const { status, text } = await post(playground, '/api/ddl', { operation: 'delete_person', input: { person_id: 3002 } });
    expect([status, JSON.parse(text)]).toEqual([400, { error: { kind: 'playground', message: 'error: delete_person is not a dropdown list (DDL) operation.', problems: [] } }]);
    expect((await run(playground, 'get_person', { person_id: 3002 })).output).toMatchObject({ data: { id: 3002 } });
  });

  test('only its own page is answered: other hosts, other origins and non-JSON posts are refused', async () => {
    const port = new URL(playground.url).port;
    const refused = [
      await post(playground, '/api/run', { operation: 'delete_person', input: { person_id: 3003 } }, { origin: 'https://evil.example' }),
      await post(playground, '/api/run', { operation: 'delete_person', input: { person_id: 3003 } }, { origin: `http://127.0.0.1:${Number(port) + 1}` }),
      await fetch(`${playground.url}/api/run`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ operation: 'delete_person', input: { person_id: 3003 } }) }).then(async (response) => ({ status: response.status, text: await response.text() })),
    ];
    expect(refused.map(({ status }) => status)).toEqual([403, 403, 415]);
    expect(JSON.parse(refused[2].text).error.message).toBe('error: Send the run as JSON (content-type: application/json).');
    expect((await run(playground, 'get_person', { person_id: 3003 })).output).toMatchObject({ data: { id: 3003 } });

    // A DNS-rebound name reaches the socket with a foreign Host header.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/api/manifest', headers: { host: `rebound.example:${port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  test('malformed calls get a status and a sentence saying what to send', async () => {
    const badJson = await fetch(`${playground.url}/api/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect([badJson.status, ((await badJson.json()) as { error: { message: string } }).error.message]).toEqual([400, 'error: The run request is not valid JSON.']);
    const noInput = await post(playground, '/api/run', { operation: 'get_person' });
    expect([noInput.status, JSON.parse(noInput.text).error.message]).toEqual([400, 'error: Send {"operation": "<name>", "input": {...}}.']);
    const nowhere = await fetch(`${playground.url}/api/nothing`);
    expect([nowhere.status, ((await nowhere.json()) as { error: { message: string } }).error.message]).toEqual([404, 'error: No GET /api/nothing here: the page is at /.']);
  });
});

describe('against SalesLoft, with a token configured', () => {
  const token = 'sl-secret-token-0123456789abcdef';
  let salesloft: Sandbox;
  let playground: Playground;
  beforeAll(async () => {
    salesloft = await startSandbox(); // stands in for api.salesloft.com
    playground = await startPlayground({ env: { SALESLOFT_ACCESS_TOKEN: token, SALESLOFT_BASE_URL: salesloft.url } });
  });
  afterAll(async () => {
    await playground.close();
    await salesloft.close();
  });

  test('runs carry the server’s token, and no reply to the page contains it', async () => {
    const manifest = await (await fetch(`${playground.url}/api/manifest`)).text();
    expect(JSON.parse(manifest).target).toEqual({ kind: 'salesloft', baseUrl: salesloft.url });

    const created = await post(playground, '/api/run', { operation: 'create_note', input: { fields: { content: `note mentioning ${token}`, associated_with_type: 'person', associated_with_id: 3001 }, access_token: 'typed-into-the-page' } });
    const missing = await post(playground, '/api/run', { operation: 'get_person', input: { person_id: 999999 } });
    const choices = await post(playground, '/api/ddl', { operation: 'list_people_ddl', input: { search: 'olivia' } });
    for (const reply of [manifest, created.text, missing.text, choices.text]) expect(reply).not.toContain(token);

    expect(salesloft.requests.map((request) => request.authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`, `Bearer ${token}`]);
    const reply = JSON.parse(created.text) as RunReply;
    expect(reply.output).toMatchObject({ data: { content: 'note mentioning [redacted]' } });
    expect([reply.requests, reply.log]).toEqual([[], ['POST /v2/notes -> 200 (attempt 1)']]);
    expect((JSON.parse(missing.text) as RunReply).error).toMatchObject({ kind: 'not_found', status: 404 });
  });
});

describe('salesloft-connector playground', () => {
  test('serves until stopped, saying where runs go', async () => {
    const out: string[] = [];
    const stop = new AbortController();
    const done = runPlayground(['--port', '0'], { out: (text) => out.push(text), err: (text) => out.push(text), env: {} }, stop.signal);
    while (!out.length) await new Promise((resolve) => setTimeout(resolve, 20));
    const url = /Playground on (http:\/\/127\.0\.0\.1:\d+) \(runs go to an embedded sandbox at http:\/\/127\.0\.0\.1:\d+\)/.exec(out[0])?.[1];
    expect([out[0], url]).toEqual([out[0], expect.any(String)]);
    expect((await fetch(`${url}/api/manifest`)).status).toBe(200);
    stop.abort();
    expect(await done).toBe(0);
    await expect(fetch(`${url}/api/manifest`)).rejects.toThrow();
  });

  test('a port in use is said plainly (exit 1), and the process is not held open by the embedded sandbox', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const { status, stderr } = spawnSync(process.execPath, [join(packageRoot, 'dist', 'connector', 'cli.js'), 'playground', '--port', String(port)], { encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH } });
      expect([status, stderr.trim()]).toEqual([1, expect.stringMatching(new RegExp(`^error: cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`))]);
    } finally {
      busy.close();
    }
  });

  test('bad options are a usage error (exit 2) through the command line', async () => {
    for (const args of [['--port', 'eighty'], ['--port', '70000'], ['--open']]) {
      const err: string[] = [];
      const code = await main(['playground', ...args], { out: () => undefined, err: (text) => err.push(text), env: {} });
      expect([args, code, err.join('\n')]).toEqual([args, 2, expect.stringMatching(/^error: (--port needs a whole number from 0 to 65535|unknown option --open)\.\nUsage: salesloft-connector playground/)]);
    }
  });
});

test('as a real process: `salesloft-connector playground` serves the page on loopback until Ctrl-C', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SALESLOFT_ACCESS_TOKEN;
  const child = spawn(process.execPath, [join(packageRoot, 'dist', 'connector', 'cli.js'), 'playground', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let url = '';
    for await (const line of createInterface({ input: child.stdout! })) {
      url = /Playground on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] ?? '';
      if (url) break;
    }
    expect(url).not.toBe('');
    const page = await fetch(url);
    expect([page.status, await page.text()]).toEqual([200, expect.stringContaining('<html')]);
    child.kill('SIGINT');
    expect((await once(child, 'exit'))[0]).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
