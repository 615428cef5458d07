// The fault soak (`npm run soak`): prints figures, asserts nothing. 2,000 mixed operations run through
// the connector against the sandbox with about 20% of requests faulted: the sandbox's own faults (5xx
// and 429 before it does anything, connections reset before it reads them) and lost answers (the
// write is committed, then the answer never arrives: the connection is reset or a proxy answers
// 502/504). Lost answers come from a small loopback proxy in front of the sandbox. Afterwards the
// sandbox's store is the truth each reported result is checked against.

import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { ConnectorError, createConnector } from '../connector/index.js';
import { startSandbox } from '../sandbox/server.js';

const totalOperations = Number(process.env.SOAK_OPERATIONS ?? 2_000);
const concurrency = 16;
/** Of writes reaching the sandbox: the answer is lost after the write was committed. */
const lostAnswerRate = 0.15;
const sandboxFaults = { rate: 0.07, statuses: [500, 502, 503, 429], resetRate: 0.03 };

let unhandled = 0;
process.on('unhandledRejection', () => (unhandled += 1));

const sandbox = await startSandbox({ port: 0, rateLimit: { budget: 1_000_000_000 }, faults: sandboxFaults });

let forwarded = 0;
let lostAnswers = 0;
/** Forwards to the sandbox; for some writes it waits for the committed answer, then loses it. */
const proxy = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
  const chunks: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
  incoming.on('end', () => {
    forwarded += 1;
    const write = incoming.method !== 'GET';
    const lose = write && Math.random() < lostAnswerRate;
    const upstream = httpRequest(`${sandbox.url}${incoming.url}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
      const body: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => body.push(chunk));
      answer.on('end', () => {
        if (lose && answer.statusCode! < 300) {
          lostAnswers += 1;
          if (Math.random() < 0.5) incoming.socket.destroy();
          else outgoing.writeHead(Math.random() < 0.5 ? 502 : 504, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
          return;
        }
        outgoing.writeHead(answer.statusCode!, answer.headers).end(Buffer.concat(body));
      });
    });
    upstream.on('error', () => incoming.socket.destroy());
    upstream.end(Buffer.concat(chunks));
  });
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;

const connector = createConnector({ baseUrl: proxyUrl, accessToken: 'soak-token-0123456789', minRetryDelayMs: 5, rateLimitWindowMs: 100, maxRetryTimeMs: 5_000, timeoutMs: 5_000, env: {} });
const userId = sandbox.store.list('users')[0]!.id;

interface Tally {
  operations: number;
  succeeded: number;
  failed: number;
  untyped: number;
  outcomes: Record<string, number>;
}
const tally: Tally = { operations: 0, succeeded: 0, failed: 0, untyped: 0, outcomes: {} };

/** What each create reported, checked against the store at the end. */
const creates: Array<{ kind: 'person' | 'task'; key: string; reported: 'created' | 'unknown' | 'not_applied' }> = [];
/** The last value each successful update reported, per person. */
const updates = new Map<number, string>();

const attempt = async (name: string, input: Record<string, unknown>): Promise<{ ok: true; output: unknown } | { ok: false; outcome?: string }> => {
  tally.operations += 1;
  try {
    const output = await connector.run(name, input);
    tally.succeeded += 1;
    return { ok: true, output };
  } catch (error) {
    tally.failed += 1;
    if (!(error instanceof ConnectorError)) {
      tally.untyped += 1;
      return { ok: false };
    }
    tally.outcomes[error.outcome] = (tally.outcomes[error.outcome] ?? 0) + 1;
    return { ok: false, outcome: error.outcome };
  }
};

let started = 0;
const worker = async (index: number): Promise<void> => {
  const mine: number[] = [];
  while (started < totalOperations) {
    const n = started++;
    const pick = Math.random();
    if (pick < 0.35 || mine.length === 0) {
      const email = `soak-${index}-${n}@example.com`;
      const result = await attempt('create_person', { fields: { email_address: email, first_name: 'Soak', last_name: `Run ${n}` } });
      creates.push({ kind: 'person', key: email, reported: result.ok ? 'created' : (result.outcome as 'unknown' | 'not_applied') });
      if (result.ok) mine.push((result.output as { data: { id: number } }).data.id);
    } else if (pick < 0.45) {
      const subject = `Soak task ${n}`;
      const result = await attempt('create_task', { fields: { subject, person_id: mine[0], user_id: userId, task_type: 'call', due_date: '2030-01-31' } });
      creates.push({ kind: 'task', key: subject, reported: result.ok ? 'created' : (result.outcome as 'unknown' | 'not_applied') });
    } else if (pick < 0.6) {
      const personId = mine[n % mine.length];
      const title = `Title ${n}`;
      const result = await attempt('update_person', { person_id: personId, fields: { title } });
      if (result.ok) updates.set(personId, title);
      else updates.delete(personId); // an update that may or may not have landed: no claim to check
    } else if (pick < 0.8) {
      await attempt('get_person', { person_id: mine[n % mine.length] });
    } else if (pick < 0.9) {
      await attempt('list_people', { per_page: 25 });
    } else {
      await attempt('upsert_person', { fields: { upsert_key: 'email_address', email_address: `soak-upsert-${n % 50}@example.com`, last_name: 'Upserted' } });
    }
  }
};

const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
const seconds = (performance.now() - t0) / 1000;

const people = sandbox.store.list('people');
const tasks = sandbox.store.list('tasks');
const countOf = (kind: 'person' | 'task', key: string): number =>
  kind === 'person' ? people.filter((person) => person.email_address === key).length : tasks.filter((task) => task.subject === key).length;

let duplicateCreates = 0;
let lostWrites = 0;
let realUnknown = 0;
let reportedUnknown = 0;
let saidNotAppliedButApplied = 0;
let unknownNotApplied = 0;
for (const create of creates) {
  const count = countOf(create.kind, create.key);
  if (count > 1) duplicateCreates += count - 1;
  if (create.reported === 'created' && count === 0) lostWrites += 1;
  if (create.reported !== 'created' && count > 0) {
    realUnknown += 1;
    if (create.reported === 'unknown') reportedUnknown += 1;
    else saidNotAppliedButApplied += 1;
  }
  if (create.reported === 'unknown' && count === 0) unknownNotApplied += 1;
}
for (const [personId, title] of updates) if (sandbox.store.get('people', personId)?.title !== title) lostWrites += 1;

const faulted = sandbox.requests.length;
const faultShare = (lostAnswers + faulted * (sandboxFaults.rate + sandboxFaults.resetRate)) / forwarded;
console.log(`soak: ${tally.operations} operations in ${seconds.toFixed(1)} s, concurrency ${concurrency}`);
console.log(`  requests through the proxy ${forwarded}, lost answers injected ${lostAnswers}; sandbox faults: ${Math.round(sandboxFaults.rate * 100)}% 5xx/429, ${Math.round(sandboxFaults.resetRate * 100)}% resets; about ${Math.round(faultShare * 100)}% of requests faulted`);
console.log(`  succeeded ${tally.succeeded}, failed ${tally.failed} (outcome unknown ${tally.outcomes.unknown ?? 0}, not_applied ${tally.outcomes.not_applied ?? 0})`);
console.log(`  unhandled rejections      ${unhandled}`);
console.log(`  untyped errors            ${tally.untyped}`);
console.log(`  duplicate creates         ${duplicateCreates}`);
console.log(`  lost writes               ${lostWrites}`);
console.log(`  unknown outcomes          ${realUnknown} creates failed yet exist; ${reportedUnknown} of them reported outcome 'unknown', ${saidNotAppliedButApplied} reported 'not_applied'`);
console.log(`  reported unknown, not applied: ${unknownNotApplied} (the caller checks and finds nothing; harmless)`);
console.log(`  creates: ${creates.length} (${creates.filter((c) => c.kind === 'task').length} tasks with a generated idempotency key); sandbox recorded ${faulted} requests`);

proxy.close();
await sandbox.close();
