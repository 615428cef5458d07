// Recipes benchmark (part of `npm run bench`; prints figures, asserts nothing):
// - 4 worker processes at concurrency 32 against the sandbox (budget 60 per 3 s window, 2,400 calls),
//   each pacing alone, then sharing the budget in a real redis-server: the budget used in every full
//   window, 429s drawn from the sandbox and 429s surfaced to callers;
// - connector.bulk upserting 50,000 people against the sandbox, with its calls by kind.
// BENCH_RECIPES_CALLS and BENCH_RECIPES_PEOPLE shrink the runs for a quick look.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createConnector } from '../connector/index.js';
import { startSandbox } from '../sandbox/server.js';
import { startRedis } from './redis-server.js';
import { median } from './bench-stats.js';

const run = promisify(execFile);
const workerScript = fileURLToPath(new URL('./bench-recipes-worker.js', import.meta.url));
const workers = 4;
const concurrency = 32;
const windowMs = 3000;
const budget = 60;

/** `calls` runs on 4 worker processes at concurrency 32, each run bounded by `maxRetryTimeMs` (the connector's 90 s by default). */
const workersRun = async (calls: number, redisUrl: string, maxRetryTimeMs?: number): Promise<void> => {
  const answers: Array<{ at: number; status: number }> = [];
  const sandbox = await startSandbox({ rateLimit: { budget, windowMs }, log: (line) => answers.push({ at: Date.now(), status: Number(line.split(' ')[2]) }) });
  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: workers }, () =>
      run(process.execPath, [workerScript, sandbox.url, String(calls / workers), String(concurrency), String(windowMs), String(budget), redisUrl, maxRetryTimeMs ? String(maxRetryTimeMs) : ''], { maxBuffer: 1 << 20 }).then(({ stdout }) => JSON.parse(stdout) as { surfaced429: number; otherErrors: number; errorMessages: string[] }),
    ),
  );
  const ms = Date.now() - started;
  await sandbox.close();

  const byWindow = new Map<number, { ok: number; limited: number }>();
  for (const { at, status } of answers) {
    const counts = byWindow.get(Math.floor(at / windowMs)) ?? { ok: 0, limited: 0 };
    if (status === 429) counts.limited += 1;
    else counts.ok += 1;
    byWindow.set(Math.floor(at / windowMs), counts);
  }
  const windows = [...byWindow.keys()].sort((a, b) => a - b);
  const full = windows.slice(1, -1).map((window) => byWindow.get(window)!);
  const use = full.map(({ ok }) => (ok / budget) * 100);
  const drawn = answers.filter(({ status }) => status === 429).length;
  const surfaced = results.reduce((sum, result) => sum + result.surfaced429, 0);
  const other = results.reduce((sum, result) => sum + result.otherErrors, 0);
  console.log(
    `${workers} workers x ${concurrency}, ${calls} calls, ${redisUrl ? 'shared Redis budget' : 'each pacing alone  '}${maxRetryTimeMs ? `, each run bounded by ${maxRetryTimeMs / 1000} s` : ''}: ${(ms / 1000).toFixed(1)} s; ` +
      `budget used per full window min ${Math.min(...use).toFixed(0)}% median ${median(use)?.toFixed(0)}% over ${full.length} windows; ` +
      `429s drawn ${drawn}, surfaced ${surfaced}; other errors ${other}`,
  );
  console.log(`  per window (ok/429): ${full.map(({ ok, limited }) => `${ok}/${limited}`).join(' ')}`);
  for (const message of results.flatMap((result) => result.errorMessages)) console.log(`  other error: ${message}`);
};

const bulkRun = async (people: number): Promise<void> => {
  const sandbox = await startSandbox();
  const connector = createConnector({ baseUrl: sandbox.url, accessToken: 'bench-token', env: {} });
  const records = Array.from({ length: people }, (_, index) =>
    index % 1000 === 999 ? { upsert_key: 'id', id: 900_000_000 + index } : { upsert_key: 'email_address', email_address: `bench.bulk.${index}@example.com`, first_name: `Bulk ${index}` },
  );
  const started = Date.now();
  const summary = await connector.bulk('person/upsert', records, { pollIntervalMs: 250 });
  const ms = Date.now() - started;
  const count = (test: (path: string, method: string) => boolean) => sandbox.requests.filter((request) => test(request.path, request.method)).length;
  console.log(
    `bulk person/upsert of ${people} people: ${(ms / 1000).toFixed(1)} s, ${sandbox.requests.length} calls ` +
      `(create ${count((path, method) => method === 'POST' && path === '/v2/bulk_jobs')}, job data ${count((path) => path.endsWith('/job_data'))}, ` +
      `ready ${count((_, method) => method === 'PUT')}, polls ${count((path, method) => method === 'GET' && /\/bulk_jobs\/\d+$/.test(path))}, ` +
      `results ${count((path) => path.endsWith('/results'))}); ${summary.succeeded} succeeded, ${summary.failed} failed, all reported: ${summary.failures.length === summary.failed}`,
  );
  await sandbox.close();
};

export const benchRecipes = async (): Promise<void> => {
  const calls = Number(process.env.BENCH_RECIPES_CALLS ?? 2400);
  await workersRun(calls, '');
  const redis = await startRedis();
  try {
    await workersRun(calls, redis.url);
    // First come, first served: 128 runs in flight on 60 a window wait at most three windows for their turn.
    await workersRun(600, redis.url, 12_000);
  } finally {
    await redis.stop();
  }
  await bulkRun(Number(process.env.BENCH_RECIPES_PEOPLE ?? 50_000));
};
