// The recipes commands against the sandbox: `bulk` from an NDJSON file, and `login` through the
// authorization-code flow on a loopback redirect, then `bulk --tokens` with the saved pair.

import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../connector/cli.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';

const clientId = 'cli-client';
const clientSecret = 'cli-client-secret-123456';
const folder = mkdtempSync(join(tmpdir(), 'salesloft-recipes-'));

const runCli = async (args: string[], env: Record<string, string | undefined>, onErr?: (text: string) => void) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (text) => out.push(text),
    err: (text) => {
      err.push(text);
      onErr?.(text);
    },
    env,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
};

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ oauth: { clients: { [clientId]: clientSecret } } });
});
afterEach(() => sandbox.close());

const ndjson = (lines: string[]) => {
  const file = join(folder, `people-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};

test('bulk person/upsert --input @file.ndjson prints the summary with the failed records', async () => {
  const file = ndjson([
    JSON.stringify({ upsert_key: 'email_address', email_address: 'ndjson.one@example.com', first_name: 'One' }),
    '',
    JSON.stringify({ upsert_key: 'id', id: 987654321 }),
    JSON.stringify({ upsert_key: 'email_address', email_address: 'ndjson.two@example.com' }),
  ]);
  const { code, stdout, stderr } = await runCli(['bulk', 'person/upsert', '--input', `@${file}`, '--name', 'from the CLI'], { SALESLOFT_ACCESS_TOKEN: 'cli-token-1234', SALESLOFT_BASE_URL: sandbox.url });
  expect(code).toBe(0);
  const summary = JSON.parse(stdout);
  expect(summary).toMatchObject({ total: 3, succeeded: 2, failed: 1, failures: [{ record: { upsert_key: 'id', id: 987654321 }, error: 'id does not match any person' }] });
  expect(stderr).toContain(`bulk job ${summary.jobId}: 2 of 3 records succeeded, 1 failed`);
  expect(sandbox.store.list('people').some((person) => person.email_address === 'ndjson.two@example.com')).toBe(true);
});

test('bulk names the line of a record that is not JSON, and a bad record by index and field; nothing is sent', async () => {
  const broken = ndjson([JSON.stringify({ upsert_key: 'email_address', email_address: 'a@example.com' }), '{"upsert_key": ']);
  const env = { SALESLOFT_ACCESS_TOKEN: 'cli-token-1234', SALESLOFT_BASE_URL: sandbox.url };
  const notJson = await runCli(['bulk', 'person/upsert', '--input', `@${broken}`], env);
  expect(notJson.code).toBe(2);
  expect(notJson.stderr).toMatch(/line 2 is not JSON/);
  const invalid = ndjson([JSON.stringify({ upsert_key: 'email_address' })]);
  const badRecord = await runCli(['bulk', 'person/upsert', '--input', `@${invalid}`], env);
  expect(badRecord.code).toBe(2);
  expect(badRecord.stderr).toMatch(/records\[0\]\.email_address/);
  expect(sandbox.requests).toHaveLength(0);
});

test('login walks the authorization-code flow on a loopback redirect and saves the tokens, which bulk --tokens uses and rotates', async () => {
  const out = join(folder, 'tokens.json');
  const env = { SALESLOFT_CLIENT_ID: clientId, SALESLOFT_CLIENT_SECRET: clientSecret, SALESLOFT_BASE_URL: sandbox.url, SALESLOFT_TOKEN_URL: `${sandbox.url}/oauth/token` };
  let browser: Promise<Response> | undefined;
  const login = await runCli(['login', '--port', '0', '--out', out, '--authorize-url', `${sandbox.url}/oauth/authorize`], env, (text) => {
    const url = /https?:\/\/\S+\/oauth\/authorize\S+/.exec(text)?.[0];
    if (url) browser = fetch(url); // the person's browser: SalesLoft redirects it to the loopback callback
  });
  expect(login.code).toBe(0);
  expect((await browser!).status).toBe(200);
  expect(login.stderr).toMatch(/redirect URI must be http:\/\/127\.0\.0\.1:\d+\/callback/);
  const saved = JSON.parse(readFileSync(out, 'utf8'));
  expect(saved).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresAt: expect.any(String) });
  expect(statSync(out).mode & 0o777).toBe(0o600);
  expect(`${login.stdout}${login.stderr}`).not.toContain(saved.refreshToken);
  expect(`${login.stdout}${login.stderr}`).not.toContain(clientSecret);
  expect(sandbox.oauth.tokenRequests).toEqual([{ grantType: 'authorization_code', granted: true }]);

  // An expired pair: bulk refreshes it and saves the rotated one before using it.
  writeFileSync(out, JSON.stringify({ ...saved, expiresAt: new Date(Date.now() - 1000).toISOString() }));
  const file = ndjson([JSON.stringify({ upsert_key: 'email_address', email_address: 'tokens@example.com' })]);
  const bulk = await runCli(['bulk', 'person/upsert', '--input', `@${file}`, '--tokens', out], env);
  expect(bulk.code).toBe(0);
  const rotated = JSON.parse(readFileSync(out, 'utf8'));
  expect(rotated.refreshToken).not.toBe(saved.refreshToken);
  expect(sandbox.requests.filter((request) => request.path.startsWith('/v2/')).every((request) => request.authorization === `Bearer ${rotated.accessToken}`)).toBe(true);
});

test('login without the client secret in the environment says where to put it', async () => {
  const { code, stderr } = await runCli(['login', '--client-id', clientId], {});
  expect(code).toBe(2);
  expect(stderr).toMatch(/SALESLOFT_CLIENT_SECRET/);
});
