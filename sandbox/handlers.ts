// Routes with rules of their own, beyond the generic collection mechanism: person upserts, cadence
// memberships (query parameters), calls (linking call data records), /me, /team and caller ids.
// The bulk job lifecycle is in bulk.ts.

import {
  invalid,
  notFound,
  ok,
  Problems,
  refId,
  render,
  toStrings,
  writeRecord,
  type Ctx,
  type Result,
} from './collection.js';
import { isBlank, isPlainObject, toInt, type Params } from './query.js';
import { userByGuid } from './resource-kit.js';
import { cadenceMemberships, calls, people, users } from './resources.js';
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
  const candidates = k === 'id' ? [ctx.store.get('people', String(value))].filter((p) => p !== undefined) : ctx.store.lookup('people', k, String(value), k === 'email_address' ? 'ci' : 'exact');
  const matches = candidates.filter((p) => !isBlank(p[k]) && norm(p[k]) === norm(value));
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
  const user = isBlank(input.user_guid) ? store.get('users', store.me) : userByGuid(ctx, input.user_guid);
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
];
