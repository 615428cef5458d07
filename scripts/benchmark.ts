// Benchmarks (`npm run bench`): prints figures, asserts nothing. The registry's cold load, input
// validation, and whole runs over loopback against the sandbox (its rate limit raised so that the
// connector's own cost is what is measured).

import { performance } from 'node:perf_hooks';
import { createConnector } from '../connector/index.js';
import { loadRegistry } from '../connector/registry.js';
import { startSandbox } from '../sandbox/server.js';
import { benchOverhead } from './bench-overhead.js';
import { benchSandbox } from './bench-sandbox.js';
import { percentile } from './bench-stats.js';


const measure = async (label: string, times: number, task: () => Promise<unknown>): Promise<void> => {
  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await task();
    durations.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  durations.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(46)} ${String(times).padStart(6)} runs  ${((times / total) * 1000).toFixed(0).padStart(7)}/s  p50 ${percentile(durations, 50).toFixed(3)} ms  p95 ${percentile(durations, 95).toFixed(3)} ms`,
  );
};

const t0 = performance.now();
const registry = await loadRegistry();
console.log(`registry: ${registry.all().length} operations loaded in ${(performance.now() - t0).toFixed(0)} ms`);

const t1 = performance.now();
for (const { operation } of registry.all()) registry.validator(operation.name, 'input');
console.log(`input validators: all compiled in ${(performance.now() - t1).toFixed(0)} ms`);

const sandbox = await startSandbox({ port: 0, rateLimit: { budget: 1_000_000 } });
const connector = createConnector({ baseUrl: sandbox.url, accessToken: 'benchmark-token', env: {} });
const person = { fields: { email_address: 'bench@example.com', first_name: 'Bench', last_name: 'Mark', custom_fields: [{ key: 'Lead Source', value: 'Bench' }] } };

await measure('validate create_person input (no request)', 20_000, () => connector.validate('create_person', person));
await measure('get_person over loopback', 2_000, () => connector.run('get_person', { person_id: 3001 }));
await measure('list_people per_page=100 over loopback', 500, () => connector.run('list_people', { per_page: 100 }));
await measure('list_users_ddl (paged, mapped, sorted)', 500, () => connector.run('list_users_ddl', {}));
let n = 0;
await measure('upsert_person over loopback', 1_000, () => connector.run('upsert_person', { fields: { upsert_key: 'email_address', email_address: `bench${n++ % 50}@example.com`, last_name: 'Mark' } }));
await sandbox.close();

console.log('\nthe connector beside bare got (alternating rounds, medians):');
await benchOverhead();

await benchSandbox();

await (await import('./bench-recipes.js')).benchRecipes();
await (await import('./bench-webhooks.js')).benchWebhooks();
await (await import('./bench-paginate.js')).benchPaginate();
