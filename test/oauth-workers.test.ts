// OAuth across workers, through a real redis-server and the sandbox's /oauth/token: workers holding the
// same rotating refresh token make one refresh between them and all use its pair (separate sessions in
// this process, and separate processes), a worker that slept through rotations follows them, Redis holds
// no readable token, and an unreachable Redis costs one log line.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OAuthError } from '../connector/auth/errors.js';
import { OAuthSession, type OAuthOptions, type TokenSet } from '../connector/auth/oauth.js';
import { packageRoot } from '../connector/paths.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { useRedis } from './support.js';

const clientId = 'workers-client';
const clientSecret = 'workers-client-secret-0123456789';

const redis = useRedis();
let sandbox: Sandbox;
beforeEach(async () => {
  await redis.client.flushall();
  sandbox = await startSandbox({ oauth: { requireIssuedTokens: true, clients: { [clientId]: clientSecret } } });
});
afterEach(() => sandbox.close());

/** A worker's session, as a separate process would hold it: its own, not the process-wide one. */
const workerSession = (given: Partial<OAuthOptions>, redisUrl: string | undefined, stored: TokenSet[] = [], log?: (line: string) => void) =>
  new OAuthSession(
    { clientId, clientSecret, tokenUrl: `${sandbox.url}/oauth/token`, onTokens: (tokens) => void stored.push(tokens), ...given },
    {},
    { redisUrl, log },
  );

const settled = <T>(promises: Array<Promise<T>>) => Promise.all(promises.map((promise) => promise.then((value) => ({ value }), (error: unknown) => ({ error }))));

test('without a shared store, two workers refreshing the same token at once revoke each other (the failure the ledger prevents)', async () => {
  const first = sandbox.oauth.issue(clientId);
  const workers = [workerSession({ refreshToken: first.refresh_token }, undefined), workerSession({ refreshToken: first.refresh_token }, undefined)];
  const outcomes = await settled(workers.map((worker) => worker.accessToken()));
  expect(sandbox.oauth.tokenRequests).toEqual([
    { grantType: 'refresh_token', granted: true },
    { grantType: 'refresh_token', granted: false },
  ]);
  expect(outcomes.filter((outcome) => 'error' in outcome && outcome.error instanceof OAuthError)).toHaveLength(1);
});

test('three workers with 10 runs each across an expiry make one refresh between them, and all use its pair', async () => {
  const first = sandbox.oauth.issue(clientId);
  sandbox.oauth.expire(first.access_token);
  const stored: TokenSet[][] = [[], [], []];
  const workers = stored.map((list) => workerSession({ refreshToken: first.refresh_token, accessToken: first.access_token, expiresAt: Date.now() }, redis.url, list));
  const tokens = await Promise.all(workers.flatMap((worker) => Array.from({ length: 10 }, () => worker.accessToken())));

  expect(sandbox.oauth.tokenRequests).toEqual([{ grantType: 'refresh_token', granted: true }]);
  expect(new Set(tokens).size).toBe(1);
  expect(sandbox.oauth.accepts(tokens[0])).toBe(true);
  // Every worker hands the pair to its store, so whichever restarts first holds the live refresh token.
  for (const list of stored) expect(list.map((pair) => pair.accessToken)).toEqual([tokens[0]]);
  expect(workers.map((worker) => worker.grants).sort()).toEqual([0, 0, 1]);
});

test('a worker answered 401 after another rotated the token adopts the new pair without a token request', async () => {
  const first = sandbox.oauth.issue(clientId);
  const busy = workerSession({ refreshToken: first.refresh_token, accessToken: first.access_token, expiresAt: Date.now() + 3_600_000 }, redis.url);
  const idle = workerSession({ refreshToken: first.refresh_token, accessToken: first.access_token, expiresAt: Date.now() + 3_600_000 }, redis.url);
  const rotated = await busy.rejected(first.access_token);
  expect(await idle.rejected(first.access_token)).toBe(rotated);
  expect(sandbox.oauth.tokenRequests).toHaveLength(1);
});

test('a worker that slept through two rotations follows them to the newest pair', async () => {
  const first = sandbox.oauth.issue(clientId);
  const awake = workerSession({ refreshToken: first.refresh_token }, redis.url);
  const second = await awake.accessToken();
  const third = await awake.rejected(second);
  const sleeper = workerSession({ refreshToken: first.refresh_token }, redis.url);
  expect(await sleeper.accessToken()).toBe(third);
  expect(sandbox.oauth.tokenRequests).toHaveLength(2);
  expect(sleeper.grants).toBe(0);
});

test('Redis holds no token: keys are hashes, records are sealed with the spent refresh token', async () => {
  const first = sandbox.oauth.issue(clientId);
  const stored: TokenSet[] = [];
  await workerSession({ refreshToken: first.refresh_token }, redis.url, stored).accessToken();
  const keys = await redis.client.keys('*');
  expect(keys.length).toBeGreaterThan(0);
  const everything = [...keys, ...(await Promise.all(keys.map((key) => redis.client.get(key))))].join('\n');
  for (const secret of [first.refresh_token!, stored[0].accessToken, stored[0].refreshToken!, clientSecret]) {
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(Buffer.from(secret).toString('base64').slice(0, 16));
  }
});

test('an unreachable Redis is reported once, without its password, and the worker refreshes alone', async () => {
  const first = sandbox.oauth.issue(clientId);
  const lines: string[] = [];
  const worker = workerSession({ refreshToken: first.refresh_token }, 'redis://:hunter2-password@127.0.0.1:1', [], (line) => lines.push(line));
  expect(sandbox.oauth.accepts(await worker.accessToken())).toBe(true);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/redis:\/\/:\*\*\*@127\.0\.0\.1:1.*refreshes alone/);
  expect(lines[0]).not.toContain('hunter2-password');
});

test('four worker processes, eight runs each, after the access token expired: one refresh, every run succeeds', async () => {
  const built = join(packageRoot, 'dist', 'connector', 'index.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
  const first = sandbox.oauth.issue(clientId);
  sandbox.oauth.expire(first.access_token);
  const script = `
    import { createConnector } from ${JSON.stringify(built)};
    const [baseUrl, refreshToken, accessToken, redisUrl] = process.argv.slice(1);
    const connector = createConnector({ baseUrl, env: {}, redisUrl, rateLimitBudget: 100000,
      oauth: { clientId: ${JSON.stringify(clientId)}, clientSecret: ${JSON.stringify(clientSecret)}, tokenUrl: baseUrl + '/oauth/token', refreshToken, accessToken, expiresAt: Date.now() + 3600000 } });
    const results = await Promise.all(Array.from({ length: 8 }, () => connector.run('get_person', { person_id: 3001 }).then(() => 'ok', (error) => error.message)));
    await connector.close();
    process.stdout.write(JSON.stringify(results));`;
  const run = promisify(execFile);
  const outputs = await Promise.all(
    Array.from({ length: 4 }, () => run(process.execPath, ['--input-type=module', '-e', script, sandbox.url, first.refresh_token!, first.access_token, redis.url])),
  );
  for (const { stdout } of outputs) expect(JSON.parse(stdout)).toEqual(Array(8).fill('ok'));
  expect(sandbox.oauth.tokenRequests).toEqual([{ grantType: 'refresh_token', granted: true }]);
});
