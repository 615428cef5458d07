// The team's rate budget shared through a real redis-server (started on a free loopback port): several
// connectors stay within the sandbox's window budget together, the key is a hash and never the token,
// SalesLoft's remaining figure corrects the shared count, and an unreachable Redis only costs a log line.

import { createConnector, type Connector } from '../connector/index.js';
import { budgetKey, createBudget } from '../connector/budget/index.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { useRedis } from './support.js';

const token = 'shared-team-token-0123456789';
// Two seconds: the budget refuses grants in a window's last twentieth (100 ms here), which a loaded machine still crosses with
// a 1 s window (50 ms), turning a request granted at the end of one window into a 429 at the start of the next.
const windowMs = 2000;
const budget = 20;

const redis = useRedis();

describe('shared budget', () => {
  let sandbox: Sandbox;
  const connectors: Connector[] = [];
  const statuses: number[] = [];
  beforeEach(async () => {
    await redis.client.flushall();
    statuses.length = 0;
    sandbox = await startSandbox({ rateLimit: { budget, windowMs }, log: (line) => statuses.push(Number(line.split(' ')[2])) });
  });
  afterEach(async () => {
    await Promise.all(connectors.splice(0).map((connector) => connector.close()));
    await sandbox.close();
  });
  const budgetLog: string[] = [];
  const worker = (options: Parameters<typeof createConnector>[0] = {}) => {
    const connector = createConnector({ baseUrl: sandbox.url, accessToken: token, env: {}, redisUrl: redis.url, rateLimitBudget: budget, rateLimitWindowMs: windowMs, minRetryDelayMs: 50, log: (line) => budgetLog.push(line), ...options });
    connectors.push(connector);
    return connector;
  };

  const sixtyRunsOnThree = async (options: Parameters<typeof createConnector>[0] = {}) => {
    statuses.length = 0;
    const workers = [worker(options), worker(options), worker(options)];
    const results = await Promise.all(Array.from({ length: 60 }, (_, index) => workers[index % 3].run('get_person', { person_id: 3001 })));
    expect(results).toHaveLength(60);
    expect(statuses.filter((status) => status === 200)).toHaveLength(60);
    return statuses.filter((status) => status === 429).length;
  };

  test('three connectors sending 60 runs at once share one budget: every run succeeds, no window is granted more than the budget', async () => {
    const started = Date.now();
    const refusedShared = await sixtyRunsOnThree();
    // 60 calls at 20 a window need the third window at least.
    expect(Date.now() - started).toBeGreaterThan(windowMs);
    expect(budgetLog.filter((line) => /Redis/.test(line))).toEqual([]);
    // The shared count granted at most the budget in every window...
    const counts = await Promise.all((await redis.client.keys(`${budgetKey(token)}:*`)).map((key) => redis.client.get(key)));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((count) => Number(count) <= budget)).toBe(true);
    // ...so only a request that reached the sandbox after its window ended draws a 429 (this process hosts the sandbox
    // too, and a loaded machine delays some). Three connectors pacing alone, measured in the same run, send 60 at once:
    // 40 of them refused in the first window alone, whatever the load (about 100 in all, measured here).
    const refusedAlone = await sixtyRunsOnThree({ redisUrl: undefined });
    expect(refusedAlone).toBeGreaterThanOrEqual(40);
    expect(refusedShared).toBeLessThan(refusedAlone / 2);
  });

  test('first come, first served: each request reserves its place in the earliest window with room, and waits for it', async () => {
    // An injected clock: sleeping moves time on, so the order and the waits are exact.
    let now = 1_000 * windowMs + 10;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    const shared = createBudget({ redisUrl: redis.url, credential: token, budgetPerWindow: budget, rateLimitWindowMs: windowMs, paceBelowRemaining: 0 }, clock);
    try {
      const deadline = now + 2 * windowMs; // the next two windows start before it, the one after does not
      const windowOf: number[] = [];
      for (let request = 0; request < 3 * budget; request += 1) {
        const asked = now;
        expect(await shared.take!(deadline)).toHaveProperty('waitedMs');
        windowOf.push(Math.floor(now / windowMs) - 1_000);
        now = asked; // every request asks at the same moment, in this order
      }
      // The first 20 go now, the next 20 in the next window, the next 20 in the one after, in the order they asked.
      expect(windowOf).toEqual([...Array(budget).fill(0), ...Array(budget).fill(1), ...Array(budget).fill(2)]);
      expect(await shared.take!(deadline)).toEqual({ refusedUntil: 1_003 * windowMs });
    } finally {
      await shared.close!();
    }
  });

  test('the key is a hash of the credentials, never the token', async () => {
    await worker().run('get_person', { person_id: 3001 });
    const keys = await redis.client.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(`${budgetKey(token)}:`))).toBe(true);
    expect(keys.join(' ')).not.toContain(token);
  });

  test("SalesLoft's remaining figure raises the shared count (another integration spent part of the budget)", async () => {
    // The other integration's requests, the sandbox's figure and the shared count must all describe one window: start at
    // the beginning of one, and when a loaded machine carries the scenario past its end, play it again in a fresh window.
    let shared = 0;
    for (let attempt = 0; attempt < 5 && shared < 16; attempt += 1) {
      await redis.client.flushall();
      while (Date.now() % windowMs > windowMs / 4) await new Promise((resolve) => setTimeout(resolve, 20));
      const window = Math.floor(Date.now() / windowMs);
      for (let index = 0; index < 15; index += 1) await fetch(`${sandbox.url}/v2/people/3001`, { headers: { authorization: 'Bearer other-integration' } });
      await worker().run('get_person', { person_id: 3001 });
      // The correction is written to Redis after the answer is handed back: wait for it (bounded), not a fixed time.
      for (let tries = 0; tries < 100 && shared < 16 && Math.floor(Date.now() / windowMs) === window; tries += 1) {
        shared = Number(await redis.client.get(`${budgetKey(token)}:${window}`));
        if (shared < 16) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (shared < 16) await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() % windowMs)));
    }
    expect(shared).toBeGreaterThanOrEqual(16);
  });

  test('an unreachable Redis is reported once and the runs are paced in-process', async () => {
    const lines: string[] = [];
    const connector = worker({ redisUrl: 'redis://:hunter2-password@127.0.0.1:1', log: (line) => lines.push(line) });
    const results = await Promise.all(Array.from({ length: 5 }, () => connector.run('get_person', { person_id: 3001 })));
    expect(results).toHaveLength(5);
    const warnings = lines.filter((line) => /unreachable/.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/redis:\/\/:\*\*\*@127\.0\.0\.1:1.*paces alone/);
    expect(warnings[0]).not.toContain('hunter2-password');
  });
});
