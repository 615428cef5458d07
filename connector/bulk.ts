// Drives a SalesLoft bulk job (reference §1.8): create it, send the records in chunks of 5,000, mark it
// ready, poll until done, then read the failed results through paginate's id[gt] walk. Every call is a run
// of an operation (create_bulk_job, create_bulk_job_data, update_bulk_job, get_bulk_job,
// list_bulk_job_results), so the runner's auth, retries and rate budget apply to each.

import { ConnectorError, InputError } from './errors.js';
import type { InputProblem } from './operation.js';
import { loadOperation, loadValidator } from './registry.js';
import { toProblems } from './problems.js';
import { sleep } from './retry.js';
import { normalizeBody, type Connector } from './runner.js';

/** The bulk job types SalesLoft documents, each with the operation whose `fields` one record holds. */
export const bulkJobTypes = { 'person/upsert': 'upsert_person' } as const;
export type BulkJobType = keyof typeof bulkJobTypes;

/** SalesLoft takes at most this many records per job-data call. */
export const recordsPerCall = 5000;
const mostProblemsReported = 50;

export interface BulkProgress {
  jobId: number;
  /** sending records, waiting for SalesLoft to execute them, reading failed results, or done. */
  phase: 'sending' | 'executing' | 'results' | 'done';
  /** Records in the job so far (sent by this run or an earlier one). */
  sent: number;
  /** Records to process in all. */
  total: number;
  /** Records SalesLoft has processed, and of those, failed. */
  processed: number;
  errors: number;
}

export interface BulkFailure {
  /** The bulk job result's id. */
  resultId: number;
  /** The record as SalesLoft kept it. */
  record: unknown;
  /** SalesLoft's error for it. */
  error: string;
}

export interface BulkSummary {
  jobId: number;
  total: number;
  succeeded: number;
  failed: number;
  failures: BulkFailure[];
}

export interface BulkOptions {
  /** A name for the job, to find it in SalesLoft. */
  name?: string;
  /**
   * The id of a job an earlier run created. An open job gets the records after the ones it already
   * holds (give the same records in the same order); an executing or done job is only polled and read.
   */
  resume?: number;
  onProgress?: (progress: BulkProgress) => void;
  /** Records per job-data call, at most (and by default) SalesLoft's 5,000; fewer for very large records. */
  recordsPerCall?: number;
  /** First wait between polls; later ones grow by half up to maxPollIntervalMs. Default 1 s. */
  pollIntervalMs?: number;
  /** Default 15 s. */
  maxPollIntervalMs?: number;
  /** Give up polling after this long (the job keeps running; resume it by id). Default 2 hours. */
  maxWaitMs?: number;
}

/** The job did not finish within maxWaitMs; it keeps running at SalesLoft and can be resumed by id. */
export class BulkJobPendingError extends ConnectorError {
  readonly kind = 'timeout' as const;
  constructor(
    readonly jobId: number,
    state: string,
    processed: number,
    total: number,
  ) {
    super(`Bulk job ${jobId} is still ${state} (${processed} of ${total} processed) after the longest wait allowed: it keeps running at SalesLoft; read its outcome later with bulk(type, [], { resume: ${jobId} }).`);
    this.name = 'BulkJobPendingError';
  }
}

interface BulkJob {
  id: number;
  state: string;
  total?: number | null;
  processed?: number | null;
  errors?: number | null;
}

interface BulkResult {
  id: number;
  status: string;
  error?: string | null;
  record?: unknown;
}

/** Each record checked against the element schema (the upsert's fields), before anything is sent. */
const checkRecords = async (type: BulkJobType, records: readonly unknown[], offset: number): Promise<void> => {
  const validate = await loadValidator((await loadOperation(bulkJobTypes[type]))!, 'input');
  const problems: InputProblem[] = [];
  for (let index = 0; index < records.length && problems.length < mostProblemsReported; index += 1) {
    if (validate({ fields: records[index] })) continue;
    for (const problem of toProblems(validate.errors ?? [])) {
      const field = problem.path.replace(/^fields\.?/, '');
      problems.push({ path: `records[${index + offset}]${field ? `.${field}` : ''}`, message: problem.message });
    }
  }
  if (problems.length) throw new InputError(problems.slice(0, mostProblemsReported), `bulk ${type}`);
};

export const runBulk = async (connector: Connector, type: BulkJobType, records: readonly object[], options: BulkOptions = {}): Promise<BulkSummary> => {
  if (!Object.hasOwn(bulkJobTypes, type)) {
    throw new InputError([{ path: 'type', message: `must be one of ${Object.keys(bulkJobTypes).join(', ')} (the bulk job types SalesLoft documents)` }], 'bulk');
  }
  const job: BulkJob = options.resume
    ? ((await connector.run('get_bulk_job', { bulk_jobs_id: options.resume })) as { data: BulkJob }).data
    : { id: 0, state: 'open', total: 0 };
  if (job.state !== 'open' && job.state !== 'executing' && job.state !== 'done') {
    throw new InputError([{ path: 'resume', message: `job ${job.id} is in state ${JSON.stringify(job.state)}, which cannot be resumed` }], `bulk ${type}`);
  }
  const already = job.state === 'open' ? (job.total ?? 0) : records.length;
  const toSend = job.state === 'open' ? records.slice(already) : [];
  await checkRecords(type, toSend, already);

  if (!options.resume) {
    const created = (await connector.run('create_bulk_job', { fields: { type, ...(options.name ? { name: options.name } : {}) } })) as { data: BulkJob };
    Object.assign(job, created.data);
  }
  const jobId = job.id;
  const total = Math.max(records.length, job.total ?? 0);
  const progress = (phase: BulkProgress['phase'], sent: number, state: Partial<BulkJob> = {}) =>
    options.onProgress?.({ jobId, phase, sent, total, processed: state.processed ?? 0, errors: state.errors ?? 0 });

  let sent = already;
  if (job.state === 'open') {
    progress('sending', sent);
    const chunkSize = Math.max(1, Math.min(options.recordsPerCall ?? recordsPerCall, recordsPerCall));
    for (let start = 0; start < toSend.length; start += chunkSize) {
      const chunk = toSend.slice(start, start + chunkSize).map((record) => normalizeBody(record));
      // Never empty: the loop only slices from a start inside toSend.
      await connector.run('create_bulk_job_data', { bulk_jobs_id: jobId, fields: { data: chunk as [Record<string, unknown>, ...Array<Record<string, unknown>>] } });
      sent += chunk.length;
      progress('sending', sent);
    }
    await connector.run('update_bulk_job', { bulk_jobs_id: jobId, fields: { ready_to_execute: true } });
  }

  // SalesLoft processes the job in the background: poll with a growing interval (every poll is a run,
  // paced by the rate budget like any other).
  const deadline = Date.now() + (options.maxWaitMs ?? 7_200_000);
  let interval = options.pollIntervalMs ?? 1000;
  let current: BulkJob = job;
  for (;;) {
    current = ((await connector.run('get_bulk_job', { bulk_jobs_id: jobId })) as { data: BulkJob }).data;
    progress(current.state === 'done' ? 'results' : 'executing', sent, current);
    if (current.state === 'done') break;
    if (Date.now() + interval > deadline) {
      throw new BulkJobPendingError(jobId, current.state, current.processed ?? 0, current.total ?? total);
    }
    await sleep(interval);
    interval = Math.min(interval * 1.5, options.maxPollIntervalMs ?? 15_000);
  }

  // The failed results, through paginate's id[gt] walk of this list (100 a page, until a short page).
  const failures: BulkFailure[] = [];
  for await (const result of connector.paginate('list_bulk_job_results', { bulk_jobs_id: jobId, status: ['error'] }) as AsyncIterable<BulkResult>) {
    failures.push({ resultId: result.id, record: result.record, error: String(result.error ?? 'failed without a message') });
  }
  const jobTotal = current.total ?? total;
  const summary: BulkSummary = { jobId, total: jobTotal, succeeded: jobTotal - failures.length, failed: failures.length, failures };
  options.onProgress?.({ jobId, phase: 'done', sent, total: jobTotal, processed: current.processed ?? jobTotal, errors: failures.length });
  return summary;
};
