// Routes of the current API with rules of their own (see handlers.ts for the first ones): account upserts,
// task counts and bulk rescheduling, cancelling a bulk job and reading its data, meeting settings searches
// and calendar event writes (create, update, upsert).

import { invalid, listRecords, notFound, ok, Problems, refId, render, toStrings, writeRecord, type Ctx, type Resource, type Result } from './collection.js';
import { findJob } from './bulk.js';
import type { RouteDef } from './handlers.js';
import { isBlank, type Params } from './query.js';
import { userByGuid } from './resource-kit.js';
import { actions, accounts, bulkJobResults, tasks } from './resources.js';
import { taskIntervals } from './resources-crm.js';
import { calendarEvents, meetingSettings } from './resources-current.js';
import { parseTime, type SandboxRecord } from './store.js';

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
  const list = (query: Params) => (listRecords({ ...tasks, paging: 'none' }, { ...ctx, query }).body as { data: SandboxRecord[] }).data;
  const rows = list(ctx.query);
  // Each period count is the list with time_interval_filter set to the period: the tasks of the list without that
  // filter (the same list when the query has none) whose due date falls in the period, as the filter tests it.
  const anyPeriod = ctx.query.time_interval_filter === undefined ? rows : list({ ...ctx.query, time_interval_filter: undefined });
  const periods = anyPeriod.map(taskIntervals);
  const intervalsOf = (period: string) => periods.filter((p) => p.includes(period)).length;
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
  const job = findJob(ctx, ctx.params.id);
  if (job.state === 'done' || job.state === 'cancelled') throw invalid({ state: [`is ${String(job.state)}: only an open or executing job can be cancelled`] });
  ctx.store.update('bulk_jobs', job.id, { state: 'cancelled', finished_at: ctx.store.now() });
  for (const r of ctx.store.lookup('bulk_job_results', 'bulk_job', job.id, 'ref').filter((x) => x.status === 'pending')) {
    ctx.store.update('bulk_job_results', r.id, { status: 'error', error: 'bulk job cancelled' });
  }
  return { status: 204 };
}

/** GET /v2/bulk_jobs/{id}/job_data: every record added to the job, with its status; cursor paging by id[gt]. */
function listJobData(ctx: Ctx): Result {
  const job = findJob(ctx, ctx.params.bulk_jobs_id);
  const ofJob: Resource = { ...bulkJobResults, hidden: ['bulk_job', 'resource'], visible: (r) => refId('bulk_job')(r, ctx) === job.id };
  return listRecords(ofJob, ctx);
}

// ---- meetings, calendar, cadence import/export, activity writes -------------------------------------------

/** POST /v2/meetings/settings/searches: a list whose filters come in the body. */
function searchMeetingSettings(ctx: Ctx): Result {
  return listRecords(meetingSettings, { ...ctx, query: { ...ctx.body, ...ctx.query } });
}

const CALENDAR_EVENT_FIELDS = ['calendar_id', 'i_cal_uid', 'title', 'status', 'start_time', 'end_time', 'recurring', 'organizer', 'location', 'description', 'canceled_at', 'attendees', 'all_day'];

/** The event properties a write sets: those of CALENDAR_EVENT_FIELDS the input names. */
function calendarEventValues(input: Params): Params {
  const values: Params = {};
  for (const f of CALENDAR_EVENT_FIELDS) if (Object.hasOwn(input, f)) values[f] = input[f];
  return values;
}

function requireEventFields(input: Params, fields: string[]): void {
  const problems = new Problems();
  for (const f of fields) if (isBlank(input[f])) problems.add(f, "can't be blank");
  problems.throwIfAny();
}

/** A new event of the authenticated user's external calendar; its id is the calendar's (a string). */
function insertCalendarEvent(ctx: Ctx, values: Params, eventId: string): SandboxRecord {
  const me = ctx.store.get('users', ctx.store.me);
  return ctx.store.insert('calendar_events', { ...values, event_id: eventId, user_guid: me?.guid ?? null, provider: 'external', busy: true });
}

/** POST /v2/calendar/events/upsert: the event is found by calendar_id, id and i_cal_uid, else created. */
function upsertCalendarEvent(ctx: Ctx): Result {
  const input = ctx.input;
  requireEventFields(input, ['calendar_id', 'id', 'i_cal_uid', 'start_time', 'end_time']);
  const values = calendarEventValues(input);
  const same = ctx.store.find('calendar_events', (e) => e.calendar_id === input.calendar_id && e.event_id === input.id && e.i_cal_uid === input.i_cal_uid)[0];
  const event = same ? ctx.store.update('calendar_events', same.id, values)! : insertCalendarEvent(ctx, values, String(input.id));
  return ok({ data: renderEvent(event, ctx) });
}

/** POST /v2/calendar/events: a new event; an id already used in the same calendar is refused. */
function createCalendarEvent(ctx: Ctx): Result {
  const input = ctx.input;
  requireEventFields(input, ['calendar_id', 'start_time', 'end_time']);
  const eventId = isBlank(input.id) ? `evt-${ctx.store.count('calendar_events') + 1}-${Date.now()}` : String(input.id);
  if (ctx.store.find('calendar_events', (e) => e.calendar_id === input.calendar_id && e.event_id === eventId).length > 0) throw invalid({ id: ['has already been taken'] });
  const values = calendarEventValues(input);
  if (isBlank(values.i_cal_uid)) values.i_cal_uid = `${eventId}@salesloft`;
  return ok({ data: renderEvent(insertCalendarEvent(ctx, values, eventId), ctx) });
}

/** PUT /v2/calendar/events/{id}: the event is found by the calendar's id for it (or the numeric one). */
function updateCalendarEvent(ctx: Ctx): Result {
  const id = String(ctx.params.id ?? '');
  const event = ctx.store.find('calendar_events', (e) => e.event_id === id)[0] ?? ctx.store.get('calendar_events', id);
  if (!event) throw notFound();
  const values = calendarEventValues(ctx.input);
  const problems = new Problems();
  for (const f of ['calendar_id', 'start_time', 'end_time']) if (Object.hasOwn(values, f) && isBlank(values[f])) problems.add(f, "can't be blank");
  problems.throwIfAny();
  return ok({ data: renderEvent(ctx.store.update('calendar_events', event.id, values)!, ctx) });
}

/** A calendar event as SalesLoft shows it: the calendar's own id (a string), not the sandbox's number. */
function renderEvent(event: SandboxRecord, ctx: Ctx): Record<string, unknown> {
  const { event_id: eventId, ...rest } = render(calendarEvents, event, ctx);
  return { ...rest, id: eventId ?? String(event.id) };
}

function listCalendarEvents(ctx: Ctx): Result {
  const problems = new Problems();
  for (const f of ['start_time', 'end_time']) if (isBlank(ctx.query[f])) problems.add(f, "can't be blank");
  problems.throwIfAny();
  const from = String(ctx.query.start_time);
  const to = String(ctx.query.end_time);
  const inWindow: Resource = { ...calendarEvents, visible: (e) => parseTime(e.end_time) >= parseTime(from) && parseTime(e.start_time) <= parseTime(to), filters: [] };
  const listed = listRecords(inWindow, { ...ctx, query: { ...ctx.query, start_time: undefined } }).body as { metadata: unknown; data: Array<Record<string, unknown>> };
  return ok({ metadata: listed.metadata, data: listed.data.map((e) => ({ ...e, id: e.event_id ?? String(e.id), event_id: undefined })) });
}

/** GET /v2/meetings/reschedule_links/{meeting id}: the booked meeting's reschedule link (its answer's shape is not documented). */
function meetingRescheduleLink(ctx: Ctx): Result {
  const meeting = ctx.store.get('meetings', ctx.params.id);
  if (!meeting || meeting.status === 'deleted') throw notFound();
  return ok({ data: { id: meeting.id, url: `https://meetings.example.com/reschedule/${meeting.id}` } });
}

/** GET /v2/cadence_exports/{cadence_id}: the cadence's settings and its steps by day. */
function exportCadence(ctx: Ctx): Result {
  const cadence = ctx.store.get('cadences', ctx.params.id);
  if (!cadence) throw notFound();
  const steps = ctx.store.find('steps', (s) => refId('cadence')(s, ctx) === cadence.id);
  const days = [...new Set(steps.map((s) => Number(s.day)))].sort((a, b) => a - b);
  return ok({
    data: {
      cadence_content: {
        settings: { name: cadence.name, cadence_function: cadence.cadence_function ?? null, target_daily_people: (cadence.counts as Record<string, unknown> | null)?.target_daily_people ?? null },
        sharing_settings: { team_cadence: cadence.team_cadence ?? false, shared: cadence.shared ?? false },
        cadence_content: {
          step_groups: days.map((day) => ({ day, steps: steps.filter((s) => Number(s.day) === day).map((s) => ({ type: s.type, name: s.name, step_number: s.step_number })) })),
        },
      },
    },
  });
}

/** POST /v2/cadence_imports: a new cadence with the steps of cadence_content (step_groups by day). */
function importCadence(ctx: Ctx): Result {
  const content = ctx.input.cadence_content as Params | undefined;
  if (!content || typeof content !== 'object') throw invalid({ cadence_content: ["can't be blank"] });
  const settings = (ctx.input.settings ?? {}) as Params;
  const sharing = (ctx.input.sharing_settings ?? {}) as Params;
  if (isBlank(settings.name)) throw invalid({ 'settings.name': ["can't be blank"] });
  const cadence = ctx.store.insert('cadences', {
    name: String(settings.name),
    cadence_function: settings.cadence_function ?? 'outbound',
    team_cadence: sharing.team_cadence === true,
    shared: sharing.shared !== false,
    owner: { id: ctx.store.me },
    creator: { id: ctx.store.me },
  });
  const groups = Array.isArray(content.step_groups) ? (content.step_groups as Params[]) : [];
  for (const group of groups) {
    const steps = Array.isArray(group.steps) ? (group.steps as Params[]) : [];
    steps.forEach((step, i) => {
      ctx.store.insert('steps', { cadence: { id: cadence.id }, day: Number(group.day ?? 1), step_number: i + 1, type: step.type ?? 'other', name: step.name ?? null });
    });
  }
  return ok({ data: { cadence: { id: cadence.id, _href: `${ctx.baseUrl}/v2/cadences/${cadence.id}` } } });
}

/** POST /v2/activities: completes the in-progress action (or the task) the activity did. */
function createActivity(ctx: Ctx): Result {
  const { action_id: actionId, task_id: taskId } = ctx.input;
  if (isBlank(actionId) === isBlank(taskId)) throw invalid({ action_id: ['or task_id must be given, not both'] });
  if (!isBlank(actionId)) {
    const action = ctx.store.get('actions', actionId as string);
    if (!action || action.status !== 'in_progress') throw invalid({ action_id: ['is not an in-progress action'] });
    const done = ctx.store.update('actions', action.id, { status: 'completed' })!;
    return ok({ data: { updated_at: done.updated_at } });
  }
  const task = ctx.store.get('tasks', taskId as string);
  if (!task || task.current_state === 'completed') throw invalid({ task_id: ['is not a scheduled task'] });
  const done = ctx.store.update('tasks', task.id, { current_state: 'completed', completed_at: ctx.store.now(), completed_by: { id: ctx.store.me } })!;
  return ok({ data: { updated_at: done.updated_at } });
}

/** POST /v2/ongoing_actions: an in-progress action becomes "ongoing" (work started, completes on its own). */
function createOngoingAction(ctx: Ctx): Result {
  const action = ctx.store.get('actions', ctx.input.action_id as string);
  if (!action || action.status !== 'in_progress') throw invalid({ action_id: ['is not an in-progress action'] });
  return ok({ data: render(actions, ctx.store.update('actions', action.id, { ongoing: true })!, ctx) });
}

/** POST /v2/live_website_tracking_parameters: the query parameters that identify the person on the team's site. */
function createTrackingParameter(ctx: Ctx): Result {
  const person = ctx.store.get('people', ctx.input.person_id as string);
  if (!person) throw invalid({ person_id: [isBlank(ctx.input.person_id) ? "can't be blank" : 'does not exist'] });
  const token = Buffer.from(`person:${person.id}`).toString('base64url');
  return ok({ data: { parameters: [{ name: 'sbrc', value: token }] } });
}

/** POST /v2/third_party_live_feed_items: one item per user; a repeated idempotency key posts nothing new. */
function createLiveFeedItem(ctx: Ctx): Result {
  const input = ctx.input;
  const problems = new Problems();
  for (const f of ['user_guid', 'subject_type', 'subject_id', 'message', 'idempotency_key', 'event_occurred_at']) if (isBlank(input[f])) problems.add(f, "can't be blank");
  // "Currently only person is supported."
  if (!isBlank(input.subject_type) && String(input.subject_type) !== 'person') problems.add('subject_type', 'is not included in the list');
  if (!isBlank(input.user_guid) && !userByGuid(ctx, input.user_guid)) problems.add('user_guid', 'does not exist');
  problems.throwIfAny();
  const same = ctx.store.find('live_feed_items', (i) => i.idempotency_key === String(input.idempotency_key));
  const item =
    same[0] ??
    ctx.store.insert('live_feed_items', {
      user_guid: input.user_guid,
      message: input.message,
      event_type: 'third_party',
      event_occurred_at: input.event_occurred_at,
      title: input.message,
      path: `/app/people/${String(input.subject_id)}`,
      rollup_key: `${String(input.subject_type)}:${String(input.subject_id)}`,
      idempotency_key: String(input.idempotency_key),
      metadata: {},
      alert_metadata: {},
    });
  const { idempotency_key: _key, created_at: _created, updated_at: _updated, ...shown } = item;
  return ok({ data: [shown] });
}

/** GET /v2/phone_numbers/recording_settings/{E.164 number}: off for numbers on the Do Not Record list. */
function recordingSetting(ctx: Ctx): Result {
  const number = String(ctx.params.id ?? '');
  if (!/^\+\d{8,15}$/.test(number)) throw invalid({ id: ['must be a phone number in E.164 format'] });
  const listed = ctx.store.find('recording_settings', (r) => r.phone_number === number)[0];
  return ok({ data: { recording_default: listed ? listed.recording_default === true : true } });
}

export const CURRENT_ROUTES: RouteDef[] = [
  { method: 'POST', path: 'account_upserts', alias: true, handler: postAccountUpsert },
  { method: 'GET', path: 'tasks/counts', alias: true, handler: taskCounts },
  { method: 'POST', path: 'bulk_reschedule_tasks', alias: true, handler: bulkRescheduleTasks },
  { method: 'DELETE', path: 'bulk_jobs/:id', alias: false, handler: cancelBulkJob },
  { method: 'GET', path: 'bulk_jobs/:bulk_jobs_id/job_data', alias: false, handler: listJobData },
  { method: 'POST', path: 'meetings/settings/searches', alias: true, handler: searchMeetingSettings },
  { method: 'POST', path: 'calendar/events/upsert', alias: false, handler: upsertCalendarEvent },
  { method: 'POST', path: 'calendar/events', alias: false, handler: createCalendarEvent },
  { method: 'PUT', path: 'calendar/events/:id', alias: false, handler: updateCalendarEvent },
  { method: 'GET', path: 'calendar/events', alias: false, handler: listCalendarEvents },
  { method: 'GET', path: 'meetings/reschedule_links/:id', alias: true, handler: meetingRescheduleLink },
  { method: 'GET', path: 'cadence_exports/:id', alias: true, handler: exportCadence },
  { method: 'POST', path: 'cadence_imports', alias: true, handler: importCadence },
  { method: 'POST', path: 'activities', alias: true, handler: createActivity },
  { method: 'POST', path: 'ongoing_actions', alias: true, handler: createOngoingAction },
  { method: 'POST', path: 'live_website_tracking_parameters', alias: true, handler: createTrackingParameter },
  { method: 'POST', path: 'third_party_live_feed_items', alias: false, handler: createLiveFeedItem },
  { method: 'GET', path: 'phone_numbers/recording_settings/:id', alias: true, handler: recordingSetting },
];
