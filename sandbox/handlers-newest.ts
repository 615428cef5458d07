// Routes of the newest resources with rules of their own (computed answers rather than stored records).

import { ApiError, getAction, link, listRecords, notFound, ok, Problems, refId, render, type Ctx, type Resource, type Result } from './collection.js';
import type { RouteDef } from './handlers.js';
import { isBlank, toBool, toInt, toList } from './query.js';
import { peopleOf } from './resources-crm.js';
import { auditReports, byUuid, conversations, dataControlRequests, SANDBOX_INTEGRATION_ID, transcriptions, transcriptionSentences } from './resources-newest.js';
import type { SandboxRecord } from './store.js';

/** GET /v2/cadence_stats/:id: the cadence's counts, computed from its memberships, emails and calls. */
function cadenceStats(ctx: Ctx): Result {
  const id = toInt(ctx.params.id);
  const cadence = id === undefined ? undefined : ctx.store.get('cadences', id);
  if (!cadence) throw notFound();
  const onCadence = (collection: string) => ctx.store.lookup(collection, 'cadence', cadence.id, 'ref');
  const memberships = onCadence('cadence_memberships');
  const emails = onCadence('emails').filter((e) => e.sent_at);
  // The people of the memberships (null for a membership without a person: it matches a call without one).
  const members = new Set(memberships.map((m) => refId('person')(m, ctx)));
  const counts = (cadence.counts as Record<string, number> | null) ?? {};
  return ok({
    data: {
      cadence: link('cadences', { id: cadence.id }, ctx.baseUrl),
      cadence_people: memberships.filter((m) => m.currently_on_cadence === true).length,
      people_acted_on_count: counts.people_acted_on_count ?? 0,
      finished_people: memberships.filter((m) => m.current_state === 'completed').length,
      removed_people: memberships.filter((m) => m.current_state === 'removed').length,
      emails_sent: emails.length,
      emails_replied_to: emails.filter((e) => Number((e.counts as Record<string, number> | null)?.replies ?? 0) > 0).length,
      calls_made: ctx.store.list('calls').filter((c) => members.has(refId('called_person')(c, ctx))).length,
      meetings_booked: counts.meetings_booked ?? 0,
      opportunities_created: counts.opportunities_created ?? 0,
    },
  });
}

/** GET /v2/profiles: the authenticated user's profile. */
function profile(ctx: Ctx): Result {
  const user = ctx.store.get('users', ctx.store.me);
  if (!user) throw notFound();
  return ok({
    data: {
      id: user.id,
      guid: user.guid,
      name: user.name,
      email: user.email,
      time_zone: user.time_zone,
      role: user.role,
      team: link('team', { id: ctx.store.team.id }, ctx.baseUrl),
    },
  });
}

// ---- conversations and transcriptions: their ids are UUIDs ------------------------------------------------

/** A record rendered with its UUID as its id. */
const withUuid = (res: Resource, r: SandboxRecord, ctx: Ctx): Record<string, unknown> => ({ ...render(res, r, ctx), id: r.uuid });

function listWithUuids(res: Resource, ctx: Ctx): Result {
  const result = listRecords(res, ctx);
  const body = result.body as { data: Array<Record<string, unknown> & { id: number }> };
  // The rows are rendered already: only their id becomes the UUID (id stays the first key, as in withUuid).
  return ok({ ...body, data: body.data.map((item) => ({ ...item, id: ctx.store.get(res.collection, item.id)!.uuid })) });
}

const found = (res: Resource, ctx: Ctx): SandboxRecord => {
  const r = byUuid(res.collection, ctx.params.id ?? '', ctx);
  if (!r) throw notFound();
  return r;
};

/** A signed media URL that expires an hour from now, as SalesLoft's recording and artifact answers give. */
const signedUrl = (ctx: Ctx, file: string) => {
  const expires = new Date(Date.now() + 3_600_000);
  return { url: `${ctx.baseUrl}/media/${file}?expires=${Math.floor(expires.getTime() / 1000)}&signature=sandbox`, expires_at: expires.toISOString() };
};

function extensiveConversation(ctx: Ctx): Result {
  const r = found(conversations, ctx);
  const { summary, key_moments, action_items, talk_ratio } = r;
  return ok({ data: { ...withUuid(conversations, r, ctx), summary, key_moments, action_items, talk_ratio } });
}

function conversationRecording(ctx: Ctx): Result {
  const r = found(conversations, ctx);
  return ok({ data: { ...signedUrl(ctx, `conversations/${String(r.uuid)}.${r.media_type === 'video' ? 'mp4' : 'mp3'}`), media_type: r.media_type } });
}

function transcriptionSentenceList(ctx: Ctx): Result {
  found(transcriptions, ctx);
  return listWithUuids(transcriptionSentences, ctx);
}

// ---- data control: requests run in the background, one state further on every read ---------------------

type RequestType = 'account_redaction' | 'account_and_people_redaction' | 'people_soft_deletion' | 'right_to_be_forgotten';

const REDACTED_ACCOUNT = { name: 'Redacted Account', domain: null, website: null, phone: null, street: null, city: null, state: null, postal_code: null, linkedin_url: null, twitter_handle: null, description: null };
const REDACTED_PERSON = { first_name: 'Redacted', last_name: 'Person', display_name: 'Redacted Person', email_address: null, secondary_email_address: null, personal_email_address: null, phone: null, mobile_phone: null, home_phone: null, linkedin_url: null };

/** What the request changes: counted for a dry run, applied for a real one. */
function carryOut(request: SandboxRecord, ctx: Ctx, apply: boolean): Record<string, number> {
  const type = request.request_type as RequestType;
  const accountId = request.account_id as number | null;
  const people = type === 'account_and_people_redaction' && accountId !== null ? peopleOf(accountId, ctx).map((p) => p.id) : ((request.people_ids as number[] | null) ?? []).filter((id) => ctx.store.get('people', id));
  if (apply) {
    if (accountId !== null && ctx.store.get('accounts', accountId)) ctx.store.update('accounts', accountId, REDACTED_ACCOUNT);
    for (const id of people) {
      if (type === 'account_and_people_redaction') ctx.store.update('people', id, REDACTED_PERSON);
      else ctx.store.remove('people', id);
    }
    if (type === 'right_to_be_forgotten') {
      for (const [collection, field] of [['notes', 'person'], ['calls', 'called_person'], ['emails', 'recipient']] as const) {
        for (const r of ctx.store.list(collection)) if (people.includes(refId(field)(r, ctx) as number)) ctx.store.remove(collection, r.id);
      }
    }
  }
  return { accounts: type === 'account_redaction' || type === 'account_and_people_redaction' ? 1 : 0, people: type === 'account_redaction' ? 0 : people.length };
}

/**
 * A background job seen from outside: every read of the collection moves each unfinished record one state
 * further (pending -> running state -> completed); `complete` gives what the finished record carries.
 */
function advanceOnRead(ctx: Ctx, collection: string, running: string, complete: (r: SandboxRecord) => Record<string, unknown>): void {
  for (const r of ctx.store.list(collection)) {
    if (r.state === 'pending') ctx.store.update(collection, r.id, { state: running });
    else if (r.state === running) ctx.store.update(collection, r.id, { state: 'completed', ...complete(r) });
  }
}

const advanceDataControl = (ctx: Ctx): void =>
  advanceOnRead(ctx, 'data_control_requests', 'in_progress', (request) => ({ counts: carryOut(request, ctx, request.dry_run !== true), completed_at: new Date().toISOString() }));

const createDataControl =
  (type: RequestType) =>
  (ctx: Ctx): Result => {
    const input = ctx.input;
    const problems = new Problems();
    let accountId: number | null = null;
    let peopleIds: number[] | null = null;
    if (type === 'account_redaction' || type === 'account_and_people_redaction') {
      accountId = toInt(input.account_id) ?? null;
      if (isBlank(input.account_id)) problems.add('account_id', "can't be blank");
      else if (accountId === null || !ctx.store.get('accounts', accountId)) problems.add('account_id', 'does not exist');
    } else {
      peopleIds = toList(input.people_ids).map((id) => toInt(id) ?? Number.NaN);
      if (peopleIds.length === 0) problems.add('people_ids', "can't be blank");
      const unknown = peopleIds.filter((id) => !ctx.store.get('people', id));
      if (unknown.length > 0) problems.add('people_ids', `do not exist: ${unknown.join(', ')}`);
    }
    problems.throwIfAny();
    const me = ctx.store.get('users', ctx.store.me);
    const request = ctx.store.insert('data_control_requests', {
      request_type: type,
      state: 'pending',
      dry_run: toBool(input.dry_run) ?? false,
      team_id: toInt(input.team_id) ?? ctx.store.team.id,
      user_guid: me?.guid ?? null,
      account_id: accountId,
      people_ids: peopleIds,
      schedule: input.schedule ?? null,
      counts: null,
      completed_at: null,
      error: null,
    });
    return ok({ data: render(dataControlRequests, request, ctx) });
  };

// ---- signals: checked against the integration's registrations; the first signal with a key wins ---------

function createSignal(ctx: Ctx): Result {
  const input = ctx.input;
  const problems = new Problems();
  for (const field of ['type', 'urgency', 'occurred_at', 'idempotency_key', 'indicators', 'data', 'attribution']) if (isBlank(input[field])) problems.add(field, "can't be blank");
  if (!isBlank(input.urgency) && !['high', 'medium', 'low'].includes(String(input.urgency))) problems.add('urgency', 'is not included in the list');
  problems.throwIfAny();
  const registration = ctx.store.list('signal_registrations').find((r) => r.type === input.type && (r.integration as { id?: number } | null)?.id === SANDBOX_INTEGRATION_ID);
  // SalesLoft's own answer (reference/real-responses/write-signals-error.json).
  if (!registration) throw new ApiError(422, { errors: { type: [`no Signal Registration found for integration id ${SANDBOX_INTEGRATION_ID} and given type`] } });
  const registered = new Set(((registration.indicators as Array<{ key?: string }> | null) ?? []).map((indicator) => indicator.key));
  const unknown = (input.indicators as Array<{ key?: string }>).filter((indicator) => !registered.has(indicator.key)).map((indicator) => String(indicator.key));
  if (unknown.length > 0) throw new ApiError(422, { errors: { indicators: [`are not registered for ${String(input.type)}: ${unknown.join(', ')}`] } });
  const first = ctx.store.list('signals').find((signal) => signal.idempotency_key === input.idempotency_key);
  const signal =
    first ??
    ctx.store.insert('signals', {
      urgency: input.urgency,
      type: input.type,
      registration: { id: registration.id },
      received_at: new Date().toISOString(),
      occurred_at: input.occurred_at,
      integration: { id: SANDBOX_INTEGRATION_ID },
      indicators: input.indicators,
      idempotency_key: input.idempotency_key,
      description: registration.description ?? null,
      data: input.data,
      broadcast_notification: toBool(input.broadcast_notification) ?? true,
      attribution: input.attribution,
    });
  const { id: _id, created_at: _created, updated_at: _updated, ...shown } = render(undefined, signal, ctx);
  return ok({ data: { ...shown, registration: link('integrations/signals/registrations', signal.registration, ctx.baseUrl), integration: link('integrations', signal.integration, ctx.baseUrl) } });
}

// ---- audit reports, missing tags, calendar availability, bulk memberships, cadence exports -----------------

const advanceAuditReports = (ctx: Ctx): void =>
  advanceOnRead(ctx, 'audit_reports', 'processing', (report) => {
    const { url, expires_at } = signedUrl(ctx, `audit_reports/${report.id}.csv`);
    return { download_url: url, download_url_expires_at: expires_at, record_count: ctx.store.count('people') + ctx.store.count('accounts') };
  });

function createAuditReport(ctx: Ctx): Result {
  const { start_date: start, end_date: end } = ctx.input;
  const problems = new Problems();
  const dateOf = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : Number.NaN);
  for (const [field, value] of [['start_date', start], ['end_date', end]] as const) if (Number.isNaN(dateOf(value))) problems.add(field, 'is not a date');
  if (!problems.any && dateOf(end) < dateOf(start)) problems.add('end_date', 'must be on or after start_date');
  if (!problems.any && dateOf(end) - dateOf(start) > 366 * 86_400_000) problems.add('end_date', 'must be within a year of start_date');
  problems.throwIfAny();
  const report = ctx.store.insert('audit_reports', { state: 'pending', start_date: start, end_date: end, requested_by: { id: ctx.store.me }, download_url: null, download_url_expires_at: null, record_count: null });
  return ok({ data: render(auditReports, report, ctx) });
}

/** {{tag}} and {{account.tag}} values of a person that are empty. */
function missingTags(ctx: Ctx): Result {
  const person = ctx.store.get('people', toInt(ctx.input.person_id) ?? -1);
  if (!person) throw new ApiError(422, { errors: { person_id: ['does not exist'] } });
  const account = ctx.store.get('accounts', refId('account')(person, ctx) as number);
  const tags = [...`${String(ctx.input.subject ?? '')} ${String(ctx.input.body ?? '')}`.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!);
  const valueOf = (tag: string) => (tag.startsWith('account.') ? account?.[tag.slice('account.'.length)] : person[tag]);
  return ok({ data: { missing_tags: [...new Set(tags)].filter((tag) => isBlank(valueOf(tag))) } });
}

/** Free slots in each user's working day (09:00-12:00 and 13:00-17:00 local time) within the period. */
function calendarAvailabilities(ctx: Ctx): Result {
  const start = Date.parse(String(ctx.query.start_time ?? ''));
  const end = Date.parse(String(ctx.query.end_time ?? ''));
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) throw new ApiError(422, { errors: { end_time: ['must be after start_time'] } });
  if (end - start > 31 * 86_400_000) throw new ApiError(422, { errors: { end_time: ['must be within 31 days of start_time'] } });
  const minutes = toInt(ctx.query.duration) ?? 15;
  const guids = toList(ctx.query.user_guids);
  const users = guids.length ? ctx.store.list('users').filter((u) => guids.includes(String(u.guid))) : [ctx.store.get('users', ctx.store.me)!];
  const data: Array<Record<string, unknown>> = [];
  for (const user of users) {
    const offset = Number(user.locale_utc_offset ?? 0) * 60_000;
    for (let day = Math.floor((start + offset) / 86_400_000) * 86_400_000; day < end + offset; day += 86_400_000) {
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const [from, to] of [[9, 12], [13, 17]]) {
        const slotStart = Math.max(day + from * 3_600_000 - offset, start);
        const slotEnd = Math.min(day + to * 3_600_000 - offset, end);
        if (slotEnd - slotStart >= minutes * 60_000) data.push({ user_guid: user.guid, start_time: new Date(slotStart).toISOString(), end_time: new Date(slotEnd).toISOString() });
      }
    }
  }
  return ok({ data });
}

function cadenceBulkMemberships(ctx: Ctx): Result {
  const cadence = ctx.store.get('cadences', toInt(ctx.input.cadence_id) ?? -1);
  if (!cadence) throw new ApiError(422, { errors: { cadence_id: ['does not exist'] } });
  const personIds = toList(ctx.input.person_ids).map((id) => toInt(id) ?? Number.NaN);
  if (personIds.length === 0 || personIds.length > 100) throw new ApiError(422, { errors: { person_ids: ['must name 1 to 100 people'] } });
  const user = toInt(ctx.input.user_id) ?? ctx.store.me;
  const memberships: unknown[] = [];
  const errors: Array<{ person_id: number; error: string }> = [];
  for (const personId of personIds) {
    // The index is kept up to date by the inserts below: a person named twice is already on the cadence the second time.
    const on = ctx.store.lookup('cadence_memberships', 'person', personId, 'ref').some((m) => refId('cadence')(m, ctx) === cadence.id && m.currently_on_cadence === true);
    if (!ctx.store.get('people', personId)) errors.push({ person_id: personId, error: 'Person does not exist' });
    else if (on) errors.push({ person_id: personId, error: 'Person is already on this cadence' });
    else {
      const membership = ctx.store.insert('cadence_memberships', { person: { id: personId }, cadence: { id: cadence.id }, user: { id: user }, current_state: 'staged', currently_on_cadence: true, added_at: new Date().toISOString() });
      memberships.push(render(undefined, membership, ctx));
    }
  }
  return ok({ data: { cadence: link('cadences', { id: cadence.id }, ctx.baseUrl), added_count: memberships.length, memberships, errors } });
}

function cadenceExportDownload(ctx: Ctx): Result {
  const cadenceIds = toList(ctx.input.cadence_ids).map((id) => toInt(id) ?? Number.NaN);
  const unknown = cadenceIds.filter((id) => !ctx.store.get('cadences', id));
  if (cadenceIds.length === 0 || unknown.length > 0) throw new ApiError(422, { errors: { cadence_ids: [cadenceIds.length === 0 ? "can't be blank" : `do not exist: ${unknown.join(', ')}`] } });
  const record = ctx.store.insert('cadence_export_downloads', { cadence_ids: cadenceIds, state: 'completed' });
  const { url, expires_at } = signedUrl(ctx, `cadence_exports/${record.id}.json`);
  return ok({ data: { id: record.id, cadence_ids: cadenceIds, state: 'completed', download_url: url, expires_at } });
}

export const NEWEST_ROUTES: RouteDef[] = [
  { method: 'POST', path: 'audit_reports', alias: true, handler: createAuditReport },
  { method: 'GET', path: 'audit_reports', alias: true, handler: (ctx) => (advanceAuditReports(ctx), listRecords(auditReports, ctx)) },
  { method: 'GET', path: 'audit_reports/:id', alias: true, handler: (ctx) => (advanceAuditReports(ctx), getAction(auditReports, ctx)) },
  { method: 'POST', path: 'email_missing_tags', alias: true, handler: missingTags },
  { method: 'GET', path: 'calendar_availabilities', alias: true, handler: calendarAvailabilities },
  { method: 'POST', path: 'cadence_bulk_memberships', alias: true, handler: cadenceBulkMemberships },
  { method: 'POST', path: 'cadence_export_downloads', alias: true, handler: cadenceExportDownload },
  { method: 'POST', path: 'signals', alias: true, handler: createSignal },
  { method: 'POST', path: 'data_control/account_redaction', alias: true, handler: createDataControl('account_redaction') },
  { method: 'POST', path: 'data_control/account_and_people_redaction', alias: true, handler: createDataControl('account_and_people_redaction') },
  { method: 'POST', path: 'data_control/people_soft_deletion', alias: true, handler: createDataControl('people_soft_deletion') },
  { method: 'POST', path: 'data_control/right_to_be_forgotten', alias: true, handler: createDataControl('right_to_be_forgotten') },
  { method: 'GET', path: 'data_control/requests', alias: true, handler: (ctx) => (advanceDataControl(ctx), listRecords(dataControlRequests, ctx)) },
  { method: 'GET', path: 'data_control/requests/:id', alias: true, handler: (ctx) => (advanceDataControl(ctx), getAction(dataControlRequests, ctx)) },
  { method: 'GET', path: 'conversations', alias: true, handler: (ctx) => listWithUuids(conversations, ctx) },
  { method: 'GET', path: 'conversations/:id', alias: true, handler: (ctx) => ok({ data: withUuid(conversations, found(conversations, ctx), ctx) }) },
  { method: 'GET', path: 'conversations/:id/extensive', alias: true, handler: extensiveConversation },
  { method: 'GET', path: 'conversations/:id/recording', alias: true, handler: conversationRecording },
  { method: 'GET', path: 'transcriptions', alias: true, handler: (ctx) => listWithUuids(transcriptions, ctx) },
  { method: 'GET', path: 'transcriptions/:id', alias: true, handler: (ctx) => ok({ data: withUuid(transcriptions, found(transcriptions, ctx), ctx) }) },
  { method: 'GET', path: 'transcriptions/:id/artifact', alias: true, handler: (ctx) => ok({ data: signedUrl(ctx, `transcriptions/${String(found(transcriptions, ctx).uuid)}.json`) }) },
  { method: 'GET', path: 'transcriptions/:id/sentences', alias: true, handler: transcriptionSentenceList },
  { method: 'GET', path: 'cadence_stats/:id', alias: true, handler: cadenceStats },
  { method: 'GET', path: 'profiles', alias: true, handler: profile },
];
