// One worker process of the recipes benchmark: `calls` get_person runs at `concurrency` against the
// sandbox, pacing alone or through the shared Redis budget. Prints {surfaced429, otherErrors, ms} as JSON.

import { ApiError, createConnector } from '../connector/index.js';

const [baseUrl, calls, concurrency, windowMs, budget, redisUrl] = process.argv.slice(2);
const connector = createConnector({
  baseUrl,
  accessToken: 'bench-team-token',
  env: {},
  redisUrl: redisUrl || undefined,
  rateLimitWindowMs: Number(windowMs),
  rateLimitBudget: Number(budget),
  log: (line) => (/Redis/.test(line) ? process.stderr.write(`${line}\n`) : undefined),
});
let next = 0;
let surfaced429 = 0;
let otherErrors = 0;
const started = Date.now();
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < Number(calls)) {
      next += 1;
      try {
        await connector.run('get_person', { person_id: 3001 });
      } catch (error) {
        if (error instanceof ApiError && error.status === 429) surfaced429 += 1;
        else otherErrors += 1;
      }
    }
  }),
);
await connector.close();
process.stdout.write(JSON.stringify({ surfaced429, otherErrors, ms: Date.now() - started }));
