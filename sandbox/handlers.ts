// Routes with rules of their own, beyond the generic collection mechanism: person upserts, cadence
// memberships (query parameters), calls (linking call data records), the bulk job lifecycle, /me,
// /team and caller ids.

import {
  ApiError,
  invalid,
  listRecords,
  notFound,
  ok,
  Problems,
  refId,
  render,
  toStrings,
  writeRecord,
  type Ctx,
  type Resource,
  type Result,
} from './collection.js';
import { isBlank, isPlainObject, toBool, toInt, type Params } from './query.js';
import { bulkJobResults, bulkJobs, cadenceMemberships, calls, people, users } from './resources.js';
import type { SandboxRecord } from './store.js';

export interface RouteDef {
  method: string;
  /** Path under /v2/, with :placeholders. */
  path: string;
  /** Also served with the legacy `.json` suffix. */
  alias: boolean;
  handler: (ctx: Ctx) => Result;
}

// ---- person upserts ------------------------------------------------------------------------------------

const UPSERT_KEYS = ['id', 'crm_id', 'email_address'];

/** POST /v2/person_upserts semantics, shared with person/upsert bulk jobs. */
export function upsertPerson(ctx: Ctx, input: Params): { upsert_type: 'create' | 'update'; person: SandboxRecord } {
  const rest: Params = { ...input };
  delete rest.upsert_key;
  delete rest.id;
  const key = input.upsert_key;
  // Without upsert_key the request never updates.
  if (isBlank(key)) return { upsert_type: 'create', person: writeRecord(people, ctx, rest) };
  const k = String(key);
  if (!UPSERT_KEYS.includes(k)) throw invalid({ upsert_key: ['is not included in the list'] });
  const problems = new Problems();
  const value = input[k];
  if (isBlank(value)) problems.add(k, `can't be blank when upsert_key is ${k}`);
  if (k === 'crm_id' && isBlank(input.crm_id_type)) problems.add('crm_id_type', "can't be blank");
  problems.throwIfAny();
  // Email addresses match case-insensitively; ids and CRM ids exactly.
  const norm = (v: unknown) => (k === 'email_address' ? String(v).toLowerCase() : String(v));
  const matches = ctx.store.find('people', (p) => !isBlank(p[k]) && norm(p[k]) === norm(value));
  if (matches.length > 1) throw invalid({ upsert_key: [`matched ${matches.length} people; the upsert key must identify one person`] });
  const found = matches[0];
  if (found) {
    if (!isBlank(input.id) && String(input.id) !== String(found.id)) throw invalid({ id: ['does not match the person found by upsert_key'] });
    return { upsert_type: 'update', person: writeRecord(people, ctx, rest, found) };
  }
  if (k === 'id') throw invalid({ id: ['does not match any person'] });
  return { upsert_type: 'create', person: writeRecord(people, ctx, rest) };
}

function postPersonUpsert(ctx: Ctx): Result {
  const { upsert_type, person } = upsertPerson(ctx, ctx.input);
  return ok({ data: { upsert_type, person: render(people, person, ctx) } });
}

// ---- cadence memberships ---------------------------------------------------------------------------------

// person_id and cadence_id are documented as query parameters; ctx.input also holds the body's (query wins).
function createMembership(ctx: Ctx): Result {
  const { store } = ctx;
  const input = ctx.input;
  const problems = new Problems();
  for (const f of ['person_id', 'cadence_id']) if (isBlank(input[f])) problems.add(f, "can't be blank");
  const person = store.get('people', input.person_id as string);
  const cadence = store.get('cadences', input.cadence_id as string);
  if (!isBlank(input.person_id) && !person) problems.add('person_id', 'does not exist');
  if (!isBlank(input.cadence_id) && !cadence) problems.add('cadence_id', 'does not exist');
  if (cadence && (!isBlank(cadence.archived_at) || cadence.draft === true)) problems.add('cadence_id', 'does not allow people to be added');
  const user = isBlank(input.user_id) ? store.get('users', store.me) : store.get('users', input.user_id as string);
  if (!user) problems.add('user_id', 'does not exist');
  if (!isBlank(input.step_id)) {
    const step = store.get('steps', input.step_id as string);
    if (!step || (cadence && refId('cadence')(step, ctx) !== cadence.id)) problems.add('step_id', 'is not a step of this cadence');
  }
  problems.throwIfAny();
  const existing = store.find('cadence_memberships', (m) => refId('person')(m, ctx) === person!.id && refId('cadence')(m, ctx) === cadence!.id)[0];
  if (existing?.currently_on_cadence === true) throw invalid({ person_id: ['is already on this cadence'] });
  const now = store.now();
  const fields = { added_at: now, currently_on_cadence: true, current_state: 'active', person_deleted: false, user: { id: user!.id } };
  // One membership per person and cadence: re-adding reuses it.
  const rec = existing
    ? store.update('cadence_memberships', existing.id, fields)!
    : store.insert('cadence_memberships', { ...fields, person: { id: person!.id }, cadence: { id: cadence!.id } });
  store.update('people', person!.id, { most_recent_cadence: { id: cadence!.id } });
  return ok({ data: render(cadenceMemberships, rec, ctx) });
}

// ---- calls ------------------------------------------------------------------------------------------------

function createCall(ctx: Ctx): Result {
  const { store } = ctx;
  const input = ctx.input;
  const problems = new Problems();
  const person = store.get('people', input.person_id as string);
  if (isBlank(input.person_id)) problems.add('person_id', "can't be blank");
  else if (!person) problems.add('person_id', 'does not exist');
  const names = (c: string) => store.list(c).map((r) => r.name);
  if (!isBlank(input.disposition) && !names('call_dispositions').includes(input.disposition)) problems.add('disposition', 'is not included in the list');
  if (!isBlank(input.sentiment) && !names('call_sentiments').includes(input.sentiment)) problems.add('sentiment', 'is not included in the list');
  const user = isBlank(input.user_guid) ? store.get('users', store.me) : store.find('users', (u) => u.guid === input.user_guid)[0];
  if (!user) problems.add('user_guid', 'does not exist');
  const action = isBlank(input.action_id) ? undefined : store.get('actions', input.action_id as string);
  if (!isBlank(input.action_id) && (!action || action.status !== 'in_progress')) problems.add('action_id', 'is not an in-progress action');
  const duration = isBlank(input.duration) ? 0 : toInt(input.duration);
  if (duration === undefined) problems.add('duration', 'is not a number');
  const cdrs: SandboxRecord[] = [];
  for (const id of toStrings(input.linked_call_data_record_ids)) {
    const cdr = store.get('call_data_records', id);
    if (!cdr) problems.add('linked_call_data_record_ids', `${id} does not exist`);
    else if (refId('call')(cdr, ctx) !== null) problems.add('linked_call_data_record_ids', `${id} is already linked to a call`);
    else cdrs.push(cdr);
  }
  if (!isBlank(input.crm_params) && !isPlainObject(input.crm_params)) problems.add('crm_params', 'must be an object');
  problems.throwIfAny();

  const personRef = { id: person!.id };
  const userRef = { id: user!.id };
  const crm = store.insert('crm_activities', {
    subject: `Call: ${String(input.disposition ?? 'Logged')}${isBlank(input.sentiment) ? '' : ` | ${String(input.sentiment)}`}`,
    description: isBlank(input.notes) ? null : String(input.notes),
    activity_type: 'phone',
    custom_crm_fields: isPlainObject(input.crm_params) ? input.crm_params : {},
    person: personRef,
    user: userRef,
  });
  const call = store.insert('calls', {
    to: isBlank(input.to) ? (person!.phone ?? person!.mobile_phone ?? null) : String(input.to),
    duration,
    disposition: isBlank(input.disposition) ? null : input.disposition,
    sentiment: isBlank(input.sentiment) ? null : input.sentiment,
    user: userRef,
    called_person: personRef,
    action: action ? { id: action.id } : null,
    cadence: action?.cadence ?? null,
    step: action?.step ?? null,
    crm_activity: { id: crm.id },
  });
  if (!isBlank(input.notes)) {
    const note = store.insert('notes', { content: String(input.notes), associated_type: 'person', associated_with: personRef, call: { id: call.id }, user: userRef });
    store.update('calls', call.id, { note: { id: note.id } });
  }
  for (const cdr of cdrs) store.update('call_data_records', cdr.id, { call: { id: call.id }, called_person: cdr.called_person ?? personRef });
  if (action) store.update('actions', action.id, { status: 'completed', due: false });
  store.update('people', person!.id, { last_contacted_at: call.created_at, last_contacted_type: 'call', last_contacted_by: userRef, untouched: false });
  return ok({ data: render(calls, call, ctx) });
}

// ---- bulk jobs ---------------------------------------------------------------------------------------------

const BULK_TYPES = ['person/upsert', 'person/create', 'person/update'];
const MAX_JOB_DATA = 5000;

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

function runRecord(type: string, record: Params, ctx: Ctx): Record<string, unknown> {
  if (type === 'person/upsert') {
    const { upsert_type, person } = upsertPerson(ctx, record);
    return { person: render(people, person, ctx), upsert_type };
  }
  if (type === 'person/create') return { person: render(people, writeRecord(people, ctx, record), ctx) };
  const existing = ctx.store.get('people', record.id as string);
  if (!existing) throw invalid({ id: ['does not match any person'] });
  const rest = { ...record };
  delete rest.id;
  return { person: render(people, writeRecord(people, ctx, rest, existing), ctx) };
}

/** An executing job is processed at once (on the first read after it was marked ready) and becomes done. */
export function settle(job: SandboxRecord, ctx: Ctx): SandboxRecord {
  if (job.state !== 'executing') return job;
  const { store } = ctx;
  const pending = store.find('bulk_job_results', (r) => refId('bulk_job')(r, ctx) === job.id && r.status === 'pending');
  for (const item of pending) {
    try {
      const resource = runRecord(String(job.type), (item.record ?? {}) as Params, ctx);
      store.update('bulk_job_results', item.id, { status: 'success', error: null, resource });
    } catch (e) {
      store.update('bulk_job_results', item.id, { status: 'error', error: errorText(e), resource: null });
    }
  }
  const all = store.find('bulk_job_results', (r) => refId('bulk_job')(r, ctx) === job.id);
  return store.update('bulk_jobs', job.id, {
    state: 'done',
    total: all.length,
    processed: all.length,
    errors: all.filter((r) => r.status === 'error').length,
    finished_at: store.now(),
  })!;
}

const findJob = (ctx: Ctx, id: string | undefined): SandboxRecord => {
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
  if (toBool(ctx.input.ready_to_execute) === true) {
    const now = ctx.store.now();
    Object.assign(patch, { ready_to_execute: true, state: 'executing', marked_ready_at: now, started_at: now });
  }
  return ok({ data: render(bulkJobs, ctx.store.update('bulk_jobs', job.id, patch)!, ctx) });
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

function listBulkJobs(ctx: Ctx): Result {
  for (const job of ctx.store.find('bulk_jobs', (j) => j.state === 'executing')) settle(job, ctx);
  return listRecords(bulkJobs, ctx);
}

// Results stay empty until the job is done; then paged by per_page and the id[gt] cursor.
function listBulkJobResults(ctx: Ctx): Result {
  const job = settle(findJob(ctx, ctx.params.bulk_jobs_id), ctx);
  if (job.state !== 'done') return ok({ data: [] });
  const ofJob: Resource = { ...bulkJobResults, visible: (r) => refId('bulk_job')(r, ctx) === job.id };
  return listRecords(ofJob, ctx);
}

// ---- me, team, caller ids ---------------------------------------------------------------------------------

function getMe(ctx: Ctx): Result {
  const user = ctx.store.get('users', ctx.store.me);
  if (!user) throw notFound();
  return ok({ data: render(users, user, ctx) });
}

function getTeam(ctx: Ctx): Result {
  const { id, name } = ctx.store.team;
  return ok({
    data: {
      id,
      name,
      plan: 'premier',
      license_limit: 25,
      deactivated: false,
      dispositions_required: false,
      sentiments_required: false,
      call_recording_disabled: false,
      record_by_default: true,
      click_tracking_default: true,
      email_daily_limit: 500,
      local_dial_enabled: false,
      allow_automated_email_steps: true,
      group_privacy_setting: 'all',
      team_visibility_default: 'public',
      custom_tracking_domain: null,
      plan_features: {},
      _private_fields: {},
      created_at: '2023-09-12T09:00:00.000000-04:00',
      updated_at: '2024-02-01T09:00:00.000000-05:00',
    },
  });
}

const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '');
const samePhone = (a: string, b: string) => a !== '' && b !== '' && (a === b || (a.length >= 10 && b.length >= 10 && a.slice(-10) === b.slice(-10)));

function callerIds(ctx: Ctx): Result {
  const wanted = digits(ctx.query.phone_number);
  if (wanted === '') throw invalid({ phone_number: ["can't be blank"] });
  const matches = ctx.store.find('people', (p) => [p.phone, p.mobile_phone, p.home_phone].some((n) => samePhone(digits(n), wanted)));
  return ok({
    data: matches.map((p) => ({
      display_name: p.display_name,
      title: p.title,
      account_name: ctx.store.get('accounts', refId('account')(p, ctx) as number)?.name ?? null,
      person: { _href: `${ctx.baseUrl}/v2/people/${p.id}`, id: p.id },
    })),
  });
}

export const SPECIAL_ROUTES: RouteDef[] = [
  { method: 'POST', path: 'person_upserts', alias: true, handler: postPersonUpsert },
  { method: 'POST', path: 'cadence_memberships', alias: true, handler: createMembership },
  { method: 'POST', path: 'activities/calls', alias: true, handler: createCall },
  { method: 'GET', path: 'me', alias: true, handler: getMe },
  { method: 'GET', path: 'team', alias: true, handler: getTeam },
  { method: 'GET', path: 'phone_numbers/caller_ids', alias: true, handler: callerIds },
  { method: 'GET', path: 'bulk_jobs', alias: false, handler: listBulkJobs },
  { method: 'POST', path: 'bulk_jobs', alias: false, handler: createBulkJob },
  { method: 'GET', path: 'bulk_jobs/:id', alias: false, handler: (ctx) => ok({ data: render(bulkJobs, settle(findJob(ctx, ctx.params.id), ctx), ctx) }) },
  { method: 'PUT', path: 'bulk_jobs/:id', alias: false, handler: updateBulkJob },
  { method: 'POST', path: 'bulk_jobs/:bulk_jobs_id/job_data', alias: false, handler: addJobData },
  { method: 'GET', path: 'bulk_jobs/:bulk_jobs_id/results', alias: false, handler: listBulkJobResults },
];
