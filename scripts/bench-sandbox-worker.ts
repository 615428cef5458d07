// A sandbox seeded with many people, in a worker thread of its own so that the benchmark's memory
// figures (heap of the main thread) are the connector's alone.

import { parentPort, workerData } from 'node:worker_threads';
import { startSandbox } from '../sandbox/server.js';

const sandbox = await startSandbox({ port: 0, rateLimit: { budget: 10_000_000 } });
const people = Number((workerData as { people: number }).people);
for (let n = sandbox.store.list('people').length; n < people; n++) {
  sandbox.store.insert('people', { first_name: 'Bench', last_name: `Person${n}`, email_address: `bench${n}@example.com` });
}
const ids = sandbox.store.list('people').map((person) => person.id as number);
parentPort?.postMessage({ url: sandbox.url, total: ids.length, maxId: Math.max(...ids) });
parentPort?.once('message', () => void sandbox.close().then(() => process.exit(0)));
