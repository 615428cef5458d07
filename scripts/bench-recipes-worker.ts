// One worker process of the recipes benchmark: `calls` get_person runs at `concurrency` against the
// sandbox, pacing alone or through the shared Redis budget. Prints {surfaced429, otherErrors, errorMessages, ms} as JSON.

import { ApiError, createConnector } from '../connector/index.js';

const [baseUrl, calls, concurrency, windowMs, budget, redisUrl, maxRetryTimeMs] = process.argv.slice(2);
const connector = createConnector({
  baseUrl,
  accessToken: 'bench-team-token',
  env: {},
  redisUrl: redisUrl || undefined,
  rateLimitWindowMs: Number(windowMs),
  rateLimitBudget: Number(budget),
  maxRetryTimeMs: maxRetryTimeMs ? Number(maxRetryTimeMs) : undefined,
  log: (line) => (/Redis/.test(line) ? process.stderr.write(`${line}\n`) : undefined),
});
let next = 0;
let surfaced429 = 0;
let otherErrors = 0;
const errorMessages: string[] = [];
const started = Date.now();
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < Number(calls)) {
      next += 1;
      const runStarted = Date.now();
      try {
        await connector.run('get_person', { person_id: 3001 });
      } catch (error) {
        if (error instanceof ApiError && error.status === 429) surfaced429 += 1;
        else {
          otherErrors += 1;
          if (errorMessages.length < 3) errorMessages.push(`after ${((Date.now() - runStarted) / 1000).toFixed(1)} s, ${(error as Error).name}: ${(error as Error).message}`.slice(0, 300));
        }
      }
    }
  }),
);
await connector.close();
process.stdout.write(JSON.stringify({ surfaced429, otherErrors, errorMessages, ms: Date.now() - started }));
