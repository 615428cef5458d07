// The sandbox at scale (part of `npm run bench`; prints figures, asserts nothing): time per list page with
// 1,000 and 100,000 people (page numbers, updated_at and id[gt] cursors, the common filters), over loopback HTTP
// and inside the handler alone, and the time a bulk job of 5,000 and 50,000 records takes from ready to done.
// Each pair is measured in alternating rounds in the same run; figures are medians.

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { listRecords, type Ctx } from '../sandbox/collection.js';
import { parseParams } from '../sandbox/query.js';
import { bulkJobResults, people } from '../sandbox/resources.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { median } from './bench-stats.js';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function call(sb: Sandbox, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${sb.url}${path}`, { method, agent, headers: { authorization: 'Bearer bench', ...(text ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: raw === '' ? undefined : JSON.parse(raw) });
      });
    });
    req.on('error', reject);
    req.end(text);
  });
}

interface Scenario {
  label: string;
  /** The query strings of one walk (e.g. PAGES consecutive pages) of the list route `path`. */
  queries: (sb: Sandbox) => Promise<string[]>;
  path: (sb: Sandbox) => string;
  /** The list as the handler alone serves it. */
  direct: (sb: Sandbox, query: string) => void;
}

const ctxFor = (sb: Sandbox, query: string, params: Record<string, string> = {}): Ctx => {
  const q = parseParams(query);
  return { store: sb.store, baseUrl: sb.url, method: 'GET', query: q, body: {}, input: q, params };
};

/** A done bulk job holding `count` results, for id[gt] cursor walks. */
function seedResults(sb: Sandbox, count: number): number {
  const job = sb.store.insert('bulk_jobs', { type: 'person/upsert', state: 'done', ready_to_execute: true, total: count, processed: count, errors: 0 });
  for (let i = 0; i < count; i++) {
    sb.store.insert('bulk_job_results', { bulk_job: { id: job.id }, status: 'success', record: { email_address: `r${i}@example.com` }, error: null, resource: null });
  }
  return job.id;
}

const jobs = new WeakMap<Sandbox, number>();
const PAGES = 8;
/** A record near the start of the collection (by id), so that PAGES pages of 100 follow it at both sizes. */
const earlyRecord = (sb: Sandbox) => sb.store.list('people')[Math.floor(sb.store.count('people') / 20)]!;

const SCENARIOS: Scenario[] = [
  {
    label: 'page numbers (pages 1-8, updated_at DESC)',
    path: () => '/v2/people',
    queries: async () => Array.from({ length: PAGES }, (_, i) => `per_page=100&page=${i + 1}`),
    direct: (sb, q) => listRecords(people, ctxFor(sb, q)),
  },
  {
    label: 'updated_at[gt] cursor, ASC (8 pages)',
    path: () => '/v2/people',
    queries: async (sb) => {
      const out: string[] = [];
      let cursor = String(earlyRecord(sb).updated_at);
      for (let i = 0; i < PAGES; i++) {
        const q = `per_page=100&sort_by=updated_at&sort_direction=ASC&updated_at[gt]=${encodeURIComponent(cursor)}`;
        out.push(q);
        const page = (await call(sb, 'GET', `/v2/people?${q}`)).json.data;
        cursor = page[page.length - 1].updated_at;
      }
      return out;
    },
    direct: (sb, q) => listRecords(people, ctxFor(sb, q)),
  },
  {
    label: 'id[gt] cursor on bulk job results (8 pages)',
    path: (sb) => `/v2/bulk_jobs/${jobs.get(sb)}/results`,
    queries: async (sb) => {
      const ids = sb.store.lookup('bulk_job_results', 'bulk_job', jobs.get(sb), 'ref').map((r) => r.id);
      const start = ids[Math.floor(ids.length / 20)]!;
      return Array.from({ length: PAGES }, (_, i) => `per_page=100&id[gt]=${start + i * 100}`);
    },
    direct: (sb, q) => {
      const job = jobs.get(sb)!;
      listRecords({ ...bulkJobResults, visible: (r) => (r.bulk_job as { id: number }).id === job }, ctxFor(sb, q, { bulk_jobs_id: String(job) }));
    },
  },
  {
    label: 'ids[] filter (25 ids)',
    path: () => '/v2/people',
    queries: async (sb) => {
      const all = sb.store.list('people');
      return Array.from({ length: 10 }, (_, i) => `per_page=100&${all.filter((_, j) => j % Math.floor(all.length / 25) === i).slice(0, 25).map((p) => `ids[]=${p.id}`).join('&')}`);
    },
    direct: (sb, q) => listRecords(people, ctxFor(sb, q)),
  },
  {
    label: 'email_addresses[] filter (10 addresses)',
    path: () => '/v2/people',
    queries: async (sb) => {
      const all = sb.store.list('people');
      return Array.from({ length: 10 }, (_, i) =>
        all.filter((_, j) => j % Math.floor(all.length / 10) === i).slice(0, 10).map((p) => `email_addresses[]=${encodeURIComponent(String(p.email_address).toUpperCase())}`).join('&'),
      );
    },
    direct: (sb, q) => listRecords(people, ctxFor(sb, q)),
  },
  {
    label: 'updated_at[gte]/[lt] range (~150), page 1',
    path: () => '/v2/people',
    queries: async (sb) => {
      const all = sb.store.list('people');
      const first = Math.floor(all.length / 20);
      return Array.from({ length: PAGES }, (_, i) => {
        const gte = encodeURIComponent(String(all[first + i * 10]!.updated_at));
        const lt = encodeURIComponent(String(all[first + i * 10 + 150]!.updated_at));
        return `per_page=100&updated_at[gte]=${gte}&updated_at[lt]=${lt}`;
      });
    },
    direct: (sb, q) => listRecords(people, ctxFor(sb, q)),
  },
];

async function timeHttp(sb: Sandbox, path: string, queries: string[]): Promise<number> {
  const t0 = performance.now();
  for (const q of queries) await call(sb, 'GET', `${path}?${q}`);
  return (performance.now() - t0) / queries.length;
}

function timeDirect(sb: Sandbox, queries: string[], direct: (sb: Sandbox, q: string) => void): number {
  const t0 = performance.now();
  for (const q of queries) direct(sb, q);
  return (performance.now() - t0) / queries.length;
}

/** CPU time this process spent (the sandbox runs in it), in ms: less sensitive than wall time to a shared machine. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function bulkJob(records: number): Promise<{ uploadMs: number; runMs: number; cpuMs: number; polls: number }> {
  const sb = await startSandbox({ rateLimit: { budget: 1_000_000 }, requestLog: { size: 100 } });
  try {
    const job = (await call(sb, 'POST', '/v2/bulk_jobs', { type: 'person/upsert', name: `bench ${records}` })).json.data;
    const t0 = performance.now();
    for (let start = 0; start < records; start += 5000) {
      // Every tenth record updates a person created earlier in the job; the rest create people.
      const data = Array.from({ length: Math.min(5000, records - start) }, (_, i) => {
        const n = start + i;
        return { upsert_key: 'email_address', email_address: `bulk${n % 10 === 9 ? n - 5 : n}@example.com`, first_name: 'Bulk', last_name: `Person ${n}` };
      });
      await call(sb, 'POST', `/v2/bulk_jobs/${job.id}/job_data`, { data });
    }
    const t1 = performance.now();
    const c1 = cpuMs();
    await call(sb, 'PUT', `/v2/bulk_jobs/${job.id}`, { ready_to_execute: true });
    let polls = 0;
    for (;;) {
      polls++;
      const state = (await call(sb, 'GET', `/v2/bulk_jobs/${job.id}`)).json.data;
      if (state.state === 'done') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    return { uploadMs: t1 - t0, runMs: performance.now() - t1, cpuMs: cpuMs() - c1, polls };
  } finally {
    await sb.close();
  }
}

export async function benchSandbox(): Promise<void> {
  console.log('\nsandbox at scale (per_page=100; medians of alternating rounds)');
  const sizes = [1_000, 100_000] as const;
  const sandboxes: Sandbox[] = [];
  for (const size of sizes) {
    const t0 = performance.now();
    const sb = await startSandbox({ people: size, rateLimit: { budget: 1_000_000 }, requestLog: { size: 100 } });
    console.log(`  seed of ${size.toLocaleString('en-US')} generated people (+12 built-in) loaded in ${(performance.now() - t0).toFixed(0)} ms`);
    jobs.set(sb, seedResults(sb, size));
    sandboxes.push(sb);
  }
  try {
    console.log(`  ${'list'.padEnd(46)} ${'HTTP 1k'.padStart(9)} ${'HTTP 100k'.padStart(10)} ${'ratio'.padStart(6)}   ${'handler 1k'.padStart(10)} ${'handler 100k'.padStart(12)} ${'ratio'.padStart(6)}`);
    for (const scenario of SCENARIOS) {
      const queries = await Promise.all(sandboxes.map((sb) => scenario.queries(sb)));
      const http: number[][] = [[], []];
      const direct: number[][] = [[], []];
      for (let round = 0; round < 15; round++) {
        for (const i of [0, 1]) {
          const sb = sandboxes[i]!;
          http[i]!.push(await timeHttp(sb, scenario.path(sb), queries[i]!));
          direct[i]!.push(timeDirect(sb, queries[i]!, scenario.direct));
        }
      }
      const [h1, h2] = http.map(median) as [number, number];
      const [d1, d2] = direct.map(median) as [number, number];
      console.log(
        `  ${scenario.label.padEnd(46)} ${h1.toFixed(3).padStart(6)} ms ${h2.toFixed(3).padStart(7)} ms ${(h2 / h1).toFixed(2).padStart(6)}   ${d1.toFixed(3).padStart(7)} ms ${d2.toFixed(3).padStart(9)} ms ${(d2 / d1).toFixed(2).padStart(6)}`,
      );
    }
  } finally {
    for (const sb of sandboxes) await sb.close();
  }

  const wall: Record<number, number[]> = { 5_000: [], 50_000: [] };
  const cpu: Record<number, number[]> = { 5_000: [], 50_000: [] };
  const polls: Record<number, number> = {};
  const upload: Record<number, number> = {};
  for (let round = 0; round < 3; round++) {
    for (const records of [5_000, 50_000]) {
      const r = await bulkJob(records);
      wall[records]!.push(r.runMs);
      cpu[records]!.push(r.cpuMs);
      polls[records] = r.polls;
      upload[records] = r.uploadMs;
    }
  }
  const [w1, w2, c1, c2] = [median(wall[5_000]!), median(wall[50_000]!), median(cpu[5_000]!), median(cpu[50_000]!)];
  console.log('  bulk person/upsert job, ready -> done (linear is a ratio of 10):');
  console.log(`    wall: 5,000 records ${w1.toFixed(0)} ms, 50,000 records ${w2.toFixed(0)} ms, ratio ${(w2 / w1).toFixed(2)} (${polls[5_000]} and ${polls[50_000]} polls every 10 ms)`);
  console.log(`    CPU of the process: ${c1.toFixed(0)} ms and ${c2.toFixed(0)} ms, ratio ${(c2 / c1).toFixed(2)}`);
  console.log(`    (upload of the job data in 5,000-record requests: ${upload[5_000]!.toFixed(0)} ms and ${upload[50_000]!.toFixed(0)} ms)`);
  agent.destroy();
}

// Run alone: node dist/scripts/bench-sandbox.js
if (process.argv[1]?.endsWith('bench-sandbox.js')) await benchSandbox();
