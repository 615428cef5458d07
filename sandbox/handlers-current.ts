// Routes of the current API with rules of their own (see handlers.ts for the first ones): account upserts,
// task counts and bulk rescheduling, cancelling a bulk job and reading its data, meeting settings searches
// and calendar event upserts.

import { invalid, listRecords, notFound, ok, Problems, refId, render, toStrings, writeRecord, type Ctx, type Resource, type Result } from './collection.js';
import { settle, type RouteDef } from './handlers.js';
import { isBlank, type Params } from './query.js';
import { accounts, bulkJobResults, tasks } from './resources.js';
import type { SandboxRecord } from './store.js';

// ---- account upserts -----------------------------------------------------------------------------------

const ACCOUNT_UPSERT_KEYS = ['id', 'crm_id', 'domain'];

/** POST /v2/account_upserts: finds the account by upsert_key and updates it, else creates it (name and domain needed). */
function postAccountUpsert(ctx: Ctx): Result {
  const input = ctx.input;
  const rest: Params = { ...input };
  delete rest.upsert_key;
  delete rest.id;
  const create = () => ok({ data: { upsert_type: 'create', account: render(accounts, writeRecord(accounts, ctx, rest), ctx) } });
  if (isBlank(input.upsert_key)) return create();
  const key = String(input.upsert_key);
  if (!ACCOUNT_UPSERT_KEYS.includes(key)) throw invalid({ upsert_key: ['is not included in the list'] });
  if (isBlank(input[key])) throw invalid({ [key]: [`can't be blank when upsert_key is ${key}`] });
  const norm = (v: unknown) => (key === 'domain' ? String(v).toLowerCase() : String(v));
  const matches = ctx.store.find('accounts', (a) => !isBlank(a[key]) && norm(a[key]) === norm(input[key]));
  if (matches.length > 1) throw invalid({ upsert_key: [`matched ${matches.length} accounts; the upsert key must identify one account`] });
  const found = matches[0];
  if (found) return ok({ data: { upsert_type: 'update', account: render(accounts, writeRecord(accounts, ctx, rest, found), ctx) } });
  if (key === 'id') throw invalid({ id: ['does not match any account'] });
  return create();
}

// ---- tasks ---------------------------------------------------------------------------------------------

/** GET /v2/tasks/counts: the filters of the task list, counted by state and due period. */
function taskCounts(ctx: Ctx): Result {
  const listed = listRecords({ ...tasks, paging: 'none' }, ctx).body as { data: SandboxRecord[] };
  const rows = listed.data;
  const intervalsOf = (period: string) => (listRecords({ ...tasks, paging: 'none' }, { ...ctx, query: { ...ctx.query, time_interval_filter: period } }).body as { data: unknown[] }).data.length;
  return ok({
    data: {
      total: rows.length,
      scheduled: rows.filter((t) => t.current_state === 'scheduled').length,
      completed: rows.filter((t) => t.current_state === 'completed').length,
      overdue: intervalsOf('overdue'),
      today: intervalsOf('today'),
      tomorrow: intervalsOf('tomorrow'),
      this_week: intervalsOf('this_week'),
      next_week: intervalsOf('next_week'),
    },
  });
}

/** POST /v2/bulk_reschedule_tasks: every task moves to the new due date, or none does. */
function bulkRescheduleTasks(ctx: Ctx): Result {
  const ids = toStrings(ctx.input.task_ids);
  const dueDate = ctx.input.due_date;
  const problems = new Problems();
  if (ids.length === 0) problems.add('task_ids', "can't be blank");
  if (isBlank(dueDate)) problems.add('due_date', "can't be blank");
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(String(dueDate))) problems.add('due_date', 'is not a valid date');
  const found = ids.map((id) => ctx.store.get('tasks', id));
  ids.forEach((id, i) => {
    if (!found[i]) problems.add('task_ids', `${id} does not exist`);
    else if (found[i]!.current_state === 'completed') problems.add('task_ids', `${id} is completed`);
  });
  problems.throwIfAny();
  const moved = found.map((t) => ctx.store.update('tasks', t!.id, { due_date: String(dueDate), due_at: null })!);
  return ok({ data: moved.map((t) => render(tasks, t, ctx)) });
}

// ---- bulk jobs -----------------------------------------------------------------------------------------

/** DELETE /v2/bulk_jobs/{id}: "Cancel a bulk job". A finished job cannot be cancelled; the job stays, cancelled. */
function cancelBulkJob(ctx: Ctx): Result {
  const job = ctx.store.get('bulk_jobs', ctx.params.id);
  if (!job) throw notFound();
  if (job.state === 'done' || job.state === 'cancelled') throw invalid({ state: [`is ${String(job.state)}: only an open or executing job can be cancelled`] });
  ctx.store.update('bulk_jobs', job.id, { state: 'cancelled', finished_at: ctx.store.now() });
  for (const r of ctx.store.find('bulk_job_results', (x) => refId('bulk_job')(x, ctx) === job.id && x.status === 'pending')) {
    ctx.store.update('bulk_job_results', r.id, { status: 'error', error: 'bulk job cancelled' });
  }
  return { status: 204 };
}

/** GET /v2/bulk_jobs/{id}/job_data: every record added to the job, with its status; cursor paging by id[gt]. */
function listJobData(ctx: Ctx): Result {
  const job = ctx.store.get('bulk_jobs', ctx.params.bulk_jobs_id);
  if (!job) throw notFound();
  if (job.state === 'executing') settle(job, ctx);
  const ofJob: Resource = { ...bulkJobResults, hidden: ['bulk_job', 'resource'], visible: (r) => refId('bulk_job')(r, ctx) === job.id };
  return listRecords(ofJob, ctx);
}

export const CURRENT_ROUTES: RouteDef[] = [
  { method: 'POST', path: 'account_upserts', alias: true, handler: postAccountUpsert },
  { method: 'GET', path: 'tasks/counts', alias: true, handler: taskCounts },
  { method: 'POST', path: 'bulk_reschedule_tasks', alias: true, handler: bulkRescheduleTasks },
  { method: 'DELETE', path: 'bulk_jobs/:id', alias: false, handler: cancelBulkJob },
  { method: 'GET', path: 'bulk_jobs/:bulk_jobs_id/job_data', alias: false, handler: listJobData },
];

