// The bulk job lifecycle. Jobs run in the background, as SalesLoft's do: once a job is marked ready (state
// executing), its records are processed in slices between requests, and the job's processed, errors and state
// advance while clients poll. A slice is short (at most `chunkSize` records and about 20 ms), so other clients
// are never kept waiting, and each record costs the same whatever the job's size (index lookups, no scans).

import { ApiError, invalid, listRecords, notFound, ok, Problems, refId, render, writeRecord, type Ctx, type Resource, type Result } from './collection.js';
import { upsertPerson, type RouteDef } from './handlers.js';
import { isBlank, isPlainObject, toBool, type Params } from './query.js';
import { bulkJobResults, bulkJobs, people } from './resources.js';
import type { SandboxRecord, SandboxStore } from './store.js';

export interface BulkOptions {
  /** Records processed per slice (default 500). */
  chunkSize?: number;
  /** Pause between slices in ms (default 0: the next slice runs as soon as waiting requests are answered). */
  intervalMs?: number;
}

const BULK_TYPES = ['person/upsert', 'person/create', 'person/update'];
const MAX_JOB_DATA = 5000;
const SLICE_MS = 20;

function errorText(e: unknown): string {
  if (e instanceof ApiError && isPlainObject(e.body)) {
    const errors = e.body.errors;
    if (isPlainObject(errors)) {
      return Object.entries(errors)
        .flatMap(([f, msgs]) => (Array.isArray(msgs) ? msgs : [msgs]).map((m) => `${f} ${String(m)}`))
        .join(', ');
    }
    if (typeof e.body.error === 'string') return e.body.error;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Applies one record of a job; returns its result's resource, the person embedded as {id} (rendered when listed). */
function runRecord(type: string, record: Params, ctx: Ctx): Record<string, unknown> {
  if (type === 'person/upsert') {
    const { upsert_type, person } = upsertPerson(ctx, record);
    return { person: { id: person.id }, upsert_type };
  }
  if (type === 'person/create') return { person: { id: writeRecord(people, ctx, record).id } };
  const existing = ctx.store.get('people', record.id as string);
  if (!existing) throw invalid({ id: ['does not match any person'] });
  const rest = { ...record };
  delete rest.id;
  return { person: { id: writeRecord(people, ctx, rest, existing).id } };
}

// ---- background processing -------------------------------------------------------------------------------

interface RunningJob {
  id: number;
  /** The sandbox URL, for the `_href` of the resources in the results. */
  baseUrl: string;
  pending: number[];
  next: number;
}

const runners = new WeakMap<SandboxStore, BulkRunner>();

/** Processes the executing jobs of one store, one slice at a time, oldest job first. */
export class BulkRunner {
  private queue: RunningJob[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private stopped = false;
  private readonly chunkSize: number;
  private readonly intervalMs: number;

  constructor(
    private readonly store: SandboxStore,
    options: BulkOptions = {},
  ) {
    this.chunkSize = Math.max(1, options.chunkSize ?? 500);
    this.intervalMs = Math.max(0, options.intervalMs ?? 0);
    runners.set(store, this);
  }

  /** The runner of a store (one with default options when the store is used without a server). */
  static of(store: SandboxStore): BulkRunner {
    return runners.get(store) ?? new BulkRunner(store);
  }

  /** Starts the jobs a seed left executing. */
  resume(baseUrl: string): void {
    for (const job of this.store.lookup('bulk_jobs', 'state', 'executing')) this.start(job.id, baseUrl);
  }

  /** Queues an executing job; its pending results are processed in the background. */
  start(jobId: number, baseUrl: string): void {
    if (this.queue.some((j) => j.id === jobId)) return;
    const pending = this.store
      .lookup('bulk_job_results', 'bulk_job', jobId, 'ref')
      .filter((r) => r.status === 'pending')
      .map((r) => r.id);
    this.queue.push({ id: jobId, baseUrl, pending, next: 0 });
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.queue.length === 0) return;
    const run = () => {
      this.timer = undefined;
      try {
        this.slice();
      } catch {
        // Never let a job take the server down: end it, its remaining records left pending.
        const job = this.queue.shift();
        if (job) this.store.update('bulk_jobs', job.id, { state: 'done', finished_at: this.store.now() });
      }
      this.schedule();
    };
    this.timer = this.intervalMs > 0 ? setTimeout(run, this.intervalMs) : setImmediate(run);
  }

  private slice(): void {
    const running = this.queue[0]!;
    const { store } = this;
    const job = store.get('bulk_jobs', running.id);
    if (!job || job.state !== 'executing') {
      this.queue.shift();
      return;
    }
    const ctx: Ctx = { store, baseUrl: running.baseUrl, method: 'POST', query: {}, body: {}, input: {}, params: {} };
    const started = Date.now();
    let processed = Number(job.processed ?? 0);
    let errors = Number(job.errors ?? 0);
    for (let n = 0; n < this.chunkSize && running.next < running.pending.length && Date.now() - started < SLICE_MS; n++) {
      const item = store.get('bulk_job_results', running.pending[running.next++]!);
      if (!item || item.status !== 'pending') continue;
      try {
        const resource = runRecord(String(job.type), (item.record ?? {}) as Params, ctx);
        store.update('bulk_job_results', item.id, { status: 'success', error: null, resource });
      } catch (e) {
        store.update('bulk_job_results', item.id, { status: 'error', error: errorText(e), resource: null });
        errors++;
      }
      processed++;
    }
    const done = running.next >= running.pending.length;
    store.update('bulk_jobs', job.id, { processed, errors, ...(done ? { state: 'done', finished_at: store.now() } : {}) });
    if (done) this.queue.shift();
  }
}

// ---- routes -----------------------------------------------------------------------------------------------

/** The bulk job of the path, or a 404. */
export const findJob = (ctx: Ctx, id: string | undefined): SandboxRecord => {
  const job = ctx.store.get('bulk_jobs', id);
  if (!job) throw notFound();
  return job;
};

function createBulkJob(ctx: Ctx): Result {
  const type = ctx.input.type;
  if (isBlank(type)) throw invalid({ type: ["can't be blank"] });
  if (!BULK_TYPES.includes(String(type))) throw invalid({ type: ['is not included in the list'] });
  const job = ctx.store.insert('bulk_jobs', {
    name: isBlank(ctx.input.name) ? null : String(ctx.input.name),
    type: String(type),
    state: 'open',
    ready_to_execute: false,
    scopes: ['person:set_crm_id'],
  });
  return ok({ data: render(bulkJobs, job, ctx) });
}

function updateBulkJob(ctx: Ctx): Result {
  const job = findJob(ctx, ctx.params.id);
  if (job.state !== 'open') throw invalid({ state: ['is not open: name and ready_to_execute can be changed only while the job is open'] });
  const patch: Record<string, unknown> = {};
  if (Object.hasOwn(ctx.input, 'name')) patch.name = isBlank(ctx.input.name) ? null : String(ctx.input.name);
  const ready = toBool(ctx.input.ready_to_execute) === true;
  if (ready) {
    const now = ctx.store.now();
    Object.assign(patch, { ready_to_execute: true, state: 'executing', marked_ready_at: now, started_at: now, processed: 0, errors: 0 });
  }
  const updated = ctx.store.update('bulk_jobs', job.id, patch)!;
  if (ready) BulkRunner.of(ctx.store).start(job.id, ctx.baseUrl);
  return ok({ data: render(bulkJobs, updated, ctx) });
}

function addJobData(ctx: Ctx): Result {
  const job = findJob(ctx, ctx.params.bulk_jobs_id);
  const data = ctx.input.data;
  const problems = new Problems();
  if (job.state !== 'open') problems.add('bulk_job', 'is not open');
  if (!Array.isArray(data) || data.length === 0) problems.add('data', "can't be blank");
  else if (data.length > MAX_JOB_DATA) problems.add('data', `must have at most ${MAX_JOB_DATA} records per request`);
  else if (!data.every(isPlainObject)) problems.add('data', 'must be an array of objects');
  problems.throwIfAny();
  const records = data as Params[];
  for (const record of records) ctx.store.insert('bulk_job_results', { bulk_job: { id: job.id }, status: 'pending', record, error: null, resource: null });
  ctx.store.update('bulk_jobs', job.id, { total: Number(job.total ?? 0) + records.length });
  return ok({ data: { records: records.length } });
}

// Results stay empty until the job is done; then paged by per_page and the id[gt] cursor.
function listBulkJobResults(ctx: Ctx): Result {
  const job = findJob(ctx, ctx.params.bulk_jobs_id);
  if (job.state !== 'done') return ok({ data: [] });
  const ofJob: Resource = { ...bulkJobResults, visible: (r) => refId('bulk_job')(r, ctx) === job.id };
  return listRecords(ofJob, ctx);
}

export const BULK_ROUTES: RouteDef[] = [
  { method: 'GET', path: 'bulk_jobs', alias: false, handler: (ctx) => listRecords(bulkJobs, ctx) },
  { method: 'POST', path: 'bulk_jobs', alias: false, handler: createBulkJob },
  { method: 'GET', path: 'bulk_jobs/:id', alias: false, handler: (ctx) => ok({ data: render(bulkJobs, findJob(ctx, ctx.params.id), ctx) }) },
  { method: 'PUT', path: 'bulk_jobs/:id', alias: false, handler: updateBulkJob },
  { method: 'POST', path: 'bulk_jobs/:bulk_jobs_id/job_data', alias: false, handler: addJobData },
  { method: 'GET', path: 'bulk_jobs/:bulk_jobs_id/results', alias: false, handler: listBulkJobResults },
];
