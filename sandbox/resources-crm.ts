// People, accounts, notes, imports and tasks as configurations of the generic collection mechanism.

import { invalid, refId, toStrings, writeRecord, type Ctx, type Resource, type WriteSpec } from './collection.js';
import { isBlank, toBool } from './query.js';
import { activeCadenceIds, byTagId, createdAt, ids, inGuid, inProp, inRef, me, nameOf, onCadence, personCounts, sorting, std, updatedAt, userByGuid } from './resource-kit.js';
import type { SandboxRecord } from './store.js';

// ---- people ------------------------------------------------------------------------------------------

const PERSON_FIELDS = [
  'first_name', 'last_name', 'email_address', 'secondary_email_address', 'personal_email_address', 'phone',
  'phone_extension', 'mobile_phone', 'home_phone', 'linkedin_url', 'title', 'city', 'state', 'country', 'work_city',
  'work_state', 'work_country', 'person_company_name', 'person_company_website', 'person_company_industry',
  'job_seniority', 'do_not_contact', 'locale', 'personal_website', 'twitter_handle', 'tags', 'contact_restrictions',
  'custom_fields', 'crm_id',
];

const personWrite: WriteSpec = {
  fields: PERSON_FIELDS,
  refs: {
    account_id: ['account', 'accounts'],
    owner_id: ['owner', 'users'],
    import_id: ['import', 'imports'],
    person_stage_id: ['person_stage', 'person_stages'],
  },
  unique: [{ field: 'email_address', ci: true }],
  booleans: ['do_not_contact'],
  enums: {
    job_seniority: ['director', 'executive', 'individual_contributor', 'manager', 'vice_president', 'unknown'],
    crm_id_type: ['salesforce'],
  },
  defaults: (ctx) => ({ owner: me(ctx) }),
  validate(input, problems, _ctx, existing) {
    const value = (f: string) => (existing && !Object.hasOwn(input, f) ? existing[f] : input[f]);
    if (isBlank(value('email_address')) && (isBlank(value('phone')) || isBlank(value('last_name')))) {
      problems.add('email_address', 'or phone and last_name must be provided');
    }
    if (!isBlank(input.email_address) && !/^[^@\s]+@[^@\s]+$/.test(String(input.email_address))) problems.add('email_address', 'is invalid');
    if (!isBlank(input.crm_id) && isBlank(input.crm_id_type)) problems.add('crm_id_type', "can't be blank");
    for (const c of toStrings(input.contact_restrictions)) {
      if (!['call', 'email', 'message'].includes(c)) problems.add('contact_restrictions', `${c} is not a valid restriction`);
    }
  },
  derive(r) {
    const name = [r.first_name, r.last_name].filter((x) => !isBlank(x)).join(' ');
    const hasName = name !== '';
    const display = name || String(r.email_address ?? '');
    const crm = isBlank(r.crm_id) ? null : String(r.crm_id);
    return {
      display_name: display,
      full_email_address: isBlank(r.email_address) ? null : hasName ? `"${display}" <${String(r.email_address)}>` : String(r.email_address),
      crm_object_type: crm ? (crm.startsWith('00Q') ? 'lead' : 'contact') : null,
      crm_url: crm ? `https://na15.salesforce.com/${crm}` : null,
    };
  },
};

/** Deleting a person flags their cadence memberships (person_deleted) instead of removing them. */
export function detachDeletedPerson(personId: number, ctx: Ctx): void {
  for (const m of ctx.store.list('cadence_memberships')) {
    if (refId('person')(m, ctx) === personId) {
      ctx.store.update('cadence_memberships', m.id, { person_deleted: true, currently_on_cadence: false });
    }
  }
}

const hasPhone = (r: SandboxRecord) => !isBlank(r.phone) || !isBlank(r.mobile_phone) || !isBlank(r.home_phone);
const restricted = (r: SandboxRecord, what: string) => toStrings(r.contact_restrictions).includes(what);

export const people: Resource = {
  collection: 'people',
  path: 'people',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  idempotentDelete: true,
  filters: [
    ids,
    updatedAt,
    createdAt,
    inProp('email_addresses', true, 'email_address'),
    inGuid('owned_by_guid', 'owner'),
    inRef('owner_id', 'owner'),
    inRef('person_stage_id', 'person_stage'),
    inProp('crm_id'),
    inProp('owner_crm_id'),
    { param: 'do_not_contact', kind: 'bool' },
    { param: 'can_email', kind: 'bool', get: (r) => !r.do_not_contact && !restricted(r, 'email') && !isBlank(r.email_address) },
    { param: 'can_call', kind: 'bool', get: (r) => !r.do_not_contact && !restricted(r, 'call') && hasPhone(r) },
    { param: 'can_text', kind: 'bool', get: (r) => !r.do_not_contact && !restricted(r, 'message') && !isBlank(r.mobile_phone) },
    inRef('account_id', 'account'),
    { param: 'custom_fields', kind: 'custom_fields' },
    inRef('import_id', 'import'),
    inProp('job_seniority'),
    byTagId,
    { param: 'owner_is_active', kind: 'bool', get: (r, ctx) => ctx.store.get('users', refId('owner')(r, ctx) as number)?.active },
    onCadence,
    { param: 'replied', kind: 'bool', get: (r) => !isBlank(r.last_replied_at) },
    { param: 'bounced', kind: 'bool', get: (r) => r.bouncing },
    { param: 'success', kind: 'bool', get: (r) => Number(r.success_count ?? 0) > 0 },
    { param: 'eu_resident', kind: 'bool' },
    inProp('title', true),
    inProp('country', true),
    inProp('state', true),
    inProp('city', true),
    { param: 'last_contacted', kind: 'range', get: (r) => r.last_contacted_at, field: 'last_contacted_at' },
    { param: 'new', kind: 'bool', get: (r, ctx) => r.untouched === true && activeCadenceIds(r.id, ctx).length === 0 },
    { param: 'phone_number', kind: 'bool', get: hasPhone },
    inProp('locales', false, 'locale'),
  ],
  sort: std(
    'last_contacted_at',
    ['name', 'display_name'],
    'title',
    'job_seniority',
    ['call_count', (r, ctx) => personCounts(r, ctx).calls],
    ['sent_emails', (r, ctx) => personCounts(r, ctx).emails_sent],
    ['clicked_emails', (r, ctx) => personCounts(r, ctx).emails_clicked],
    ['replied_emails', (r, ctx) => personCounts(r, ctx).emails_replied_to],
    ['viewed_emails', (r, ctx) => personCounts(r, ctx).emails_viewed],
    ['account', nameOf('accounts', 'account')],
    ['cadence_stage_name', () => null],
  ),
  present: (r, ctx) => ({ counts: personCounts(r, ctx), cadences: activeCadenceIds(r.id, ctx).map((id) => ({ id })) }),
  write: personWrite,
  remove: (r, ctx) => detachDeletedPerson(r.id, ctx),
};

// ---- accounts ----------------------------------------------------------------------------------------

/** The people of an account, from the index of their account. */
export const peopleOf = (accountId: number, ctx: Ctx) => ctx.store.lookup('people', 'account', accountId, 'ref');

export const accounts: Resource = {
  collection: 'accounts',
  path: 'accounts',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  idempotentDelete: true,
  filters: [
    ids,
    inProp('crm_id'),
    inProp('tag', false, 'tags'),
    byTagId,
    createdAt,
    updatedAt,
    inProp('domain', true),
    inProp('website', true),
    { param: 'archived', kind: 'bool', get: (r) => !isBlank(r.archived_at) },
    inProp('name'),
    inRef('account_stage_id', 'company_stage'),
    inRef('account_tier_id', 'account_tier'),
    inRef('owner_id', 'owner'),
    { param: 'owner_is_active', kind: 'bool', get: (r, ctx) => ctx.store.get('users', refId('owner')(r, ctx) as number)?.active },
    { param: 'last_contacted', kind: 'range', get: (r) => r.last_contacted_at, field: 'last_contacted_at' },
    { param: 'custom_fields', kind: 'custom_fields' },
    inProp('industry', true),
    inProp('country', true),
    inProp('state', true),
    inProp('city', true),
    inProp('owner_crm_id'),
    inProp('locales', false, 'locale'),
  ],
  sort: std(
    'last_contacted_at',
    ['account_stage', refId('company_stage')],
    ['account_stage_name', nameOf('account_stages', 'company_stage')],
    ['account_tier', refId('account_tier')],
    ['account_tier_name', nameOf('account_tiers', 'account_tier')],
    'name',
    ['counts_people', (r, ctx) => peopleOf(r.id, ctx).length],
  ),
  present: (r, ctx) => ({ counts: { people: peopleOf(r.id, ctx).length } }),
  write: {
    fields: [
      'name', 'domain', 'conversational_name', 'description', 'phone', 'website', 'linkedin_url', 'twitter_handle',
      'street', 'city', 'state', 'postal_code', 'country', 'locale', 'industry', 'company_type', 'founded',
      'revenue_range', 'size', 'do_not_contact', 'tags', 'custom_fields', 'crm_id',
    ],
    refs: {
      account_tier_id: ['account_tier', 'account_tiers'],
      company_stage_id: ['company_stage', 'account_stages'],
      owner_id: ['owner', 'users'],
    },
    required: ['name', 'domain'],
    unique: [{ field: 'domain', ci: true }],
    booleans: ['do_not_contact'],
    enums: { crm_id_type: ['salesforce'] },
    defaults: (ctx) => ({ owner: me(ctx), creator: me(ctx) }),
    validate(input, problems, _ctx, existing) {
      if (existing) for (const f of ['name', 'domain']) if (Object.hasOwn(input, f) && isBlank(input[f])) problems.add(f, "can't be blank");
      if (!isBlank(input.crm_id) && isBlank(input.crm_id_type)) problems.add('crm_id_type', "can't be blank");
    },
    transform(input, ctx) {
      const archived = toBool(input.archived);
      return archived === undefined ? {} : { archived_at: archived ? ctx.store.now() : null };
    },
    derive: (r) => ({ crm_url: isBlank(r.crm_id) ? null : `https://na15.salesforce.com/${String(r.crm_id)}` }),
  },
  // "Deleting an account will remove all connected people from that account."
  remove(r, ctx) {
    for (const p of peopleOf(r.id, ctx)) ctx.store.update('people', p.id, { account: null });
  },
};

// ---- notes ---------------------------------------------------------------------------------------------

const NOTE_TARGETS: Record<string, 'people' | 'accounts'> = { person: 'people', account: 'accounts' };

export const notes: Resource = {
  collection: 'notes',
  path: 'notes',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  idempotentDelete: true,
  filters: [
    inProp('associated_with_type', true, 'associated_type'),
    inRef('associated_with_id', 'associated_with'),
    updatedAt,
    ids,
  ],
  sort: std(),
  present: (r, ctx) => {
    const target = NOTE_TARGETS[String(r.associated_type)] ?? 'people';
    const a = refId('associated_with')(r, ctx);
    return { associated_with: a === null ? null : { _href: `${ctx.baseUrl}/v2/${target}/${String(a)}`, id: a } };
  },
  write: {
    fields: ['content', 'subject'],
    refs: { call_id: ['call', 'calls'] },
    required: ['content', 'associated_with_type', 'associated_with_id'],
    requiredOnUpdate: ['content'],
    validate(input, problems, ctx, existing) {
      if (!existing && !isBlank(input.associated_with_type)) {
        const target = NOTE_TARGETS[String(input.associated_with_type).toLowerCase()];
        if (!target) problems.add('associated_with_type', 'is not included in the list');
        else if (!isBlank(input.associated_with_id) && !ctx.store.get(target, input.associated_with_id as string)) {
          problems.add('associated_with_id', 'does not exist');
        }
      }
      if (!isBlank(input.call_id)) {
        const taken = ctx.store.list('notes').some((n) => n.id !== existing?.id && String(refId('call')(n, ctx)) === String(input.call_id));
        if (taken) problems.add('call_id', 'already has a note');
      }
      if (!isBlank(input.user_guid) && !userByGuid(ctx, input.user_guid)) problems.add('user_guid', 'does not exist');
    },
    transform(input, ctx, existing) {
      if (existing) return {};
      const user = userByGuid(ctx, input.user_guid);
      return {
        associated_type: String(input.associated_with_type).toLowerCase(),
        associated_with: { id: Number(input.associated_with_id) },
        user: user ? { id: user.id } : me(ctx),
      };
    },
    derive(r, ctx) {
      const call = refId('call')(r, ctx);
      if (call !== null) ctx.store.update('calls', call as number, { note: { id: r.id } });
      return {};
    },
  },
};

// ---- imports -------------------------------------------------------------------------------------------

const importPeople = (importId: number, ctx: Ctx) => ctx.store.lookup('people', 'import', importId, 'ref');

export const imports: Resource = {
  collection: 'imports',
  path: 'imports',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  filters: [ids, inRef('user_ids', 'user'), createdAt, inProp('name'), inProp('import_type', false, (r) => r.import_type ?? 'csv')],
  sort: sorting(['created_at', 'updated_at'], 'created_at'),
  present: (r, ctx) => ({ current_people_count: importPeople(r.id, ctx).length }),
  write: { fields: ['name'], refs: { user_id: ['user', 'users'] }, defaults: (ctx) => ({ user: me(ctx) }) },
  // undo=single|all deletes the import's people; omitted keeps them. (A sandbox person belongs to one import,
  // so single and all delete the same people.)
  remove(r, ctx) {
    const undo = ctx.query.undo;
    if (isBlank(undo)) return;
    if (undo !== 'single' && undo !== 'all') throw invalid({ undo: ['is not included in the list'] });
    for (const p of importPeople(r.id, ctx)) {
      ctx.store.remove('people', p.id);
      detachDeletedPerson(p.id, ctx);
    }
  },
};

// ---- tasks ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;

/** Midnight (UTC) of today, of this week's Monday and of this month's first day, in ms. */
function calendarNow(): { today: number; monday: number; monthStart: number } {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { today, monday: today - ((now.getUTCDay() + 6) % 7) * DAY, monthStart: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) };
}

/** The time_interval_filter periods a task is due in (overdue, today, tomorrow, this_week, next_week). */
export function taskIntervals(r: SandboxRecord): string[] {
  if (typeof r.due_date !== 'string') return [];
  const due = Date.parse(`${r.due_date.slice(0, 10)}T00:00:00Z`);
  const { today, monday } = calendarNow();
  const out: string[] = [];
  if (due < today && r.current_state !== 'completed') out.push('overdue');
  if (due === today) out.push('today');
  if (due === today + DAY) out.push('tomorrow');
  if (due >= monday && due < monday + 7 * DAY) out.push('this_week');
  if (due >= monday + 7 * DAY && due < monday + 14 * DAY) out.push('next_week');
  return out;
}

const taskWrite: WriteSpec = {
  fields: ['subject', 'description', 'due_date', 'due_at', 'remind_at', 'task_type', 'current_state', 'idempotency_key'],
  refs: { person_id: ['person', 'people'], user_id: ['user', 'users'] },
  required: ['subject', 'person_id', 'task_type', 'due_date'],
  enums: { task_type: ['call', 'email', 'general'], current_state: ['scheduled', 'completed'] },
  defaults: (ctx) => ({ user: me(ctx), created_by_user: me(ctx) }),
  validate(input, problems, ctx, existing) {
    if (!existing && !isBlank(input.current_state) && input.current_state !== 'scheduled') problems.add('current_state', 'must be scheduled');
    if (!isBlank(input.user_id) && !isBlank(input.user_guid)) problems.add('user_guid', 'cannot be given with user_id');
    else if (!isBlank(input.user_guid) && !userByGuid(ctx, input.user_guid)) problems.add('user_guid', 'does not exist');
    if (!isBlank(input.due_date) && !/^\d{4}-\d{2}-\d{2}$/.test(String(input.due_date))) problems.add('due_date', 'is not a valid date');
  },
  transform(input, ctx, existing) {
    const byGuid = isBlank(input.user_guid) ? undefined : userByGuid(ctx, input.user_guid);
    const user = byGuid ? { user: { id: byGuid.id } } : {};
    if (input.current_state === 'completed' && existing?.current_state !== 'completed') return { ...user, completed_at: ctx.store.now(), completed_by: me(ctx) };
    return user;
  },
};

/** The completed_time_interval periods a completed task falls in (today, yesterday, this_week, previous_week, this_month). */
function completedIntervals(r: SandboxRecord): string[] {
  if (typeof r.completed_at !== 'string') return [];
  const done = Date.parse(r.completed_at);
  const { today, monday, monthStart } = calendarNow();
  const out: string[] = [];
  if (done >= today && done < today + DAY) out.push('today');
  if (done >= today - DAY && done < today) out.push('yesterday');
  if (done >= monday && done < monday + 7 * DAY) out.push('this_week');
  if (done >= monday - 7 * DAY && done < monday) out.push('previous_week');
  if (done >= monthStart) out.push('this_month');
  return out;
}

export const tasks: Resource = {
  collection: 'tasks',
  path: 'tasks',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  hidden: ['idempotency_key'],
  filters: [
    ids,
    inRef('user_id', 'user'),
    inRef('person_id', 'person'),
    { param: 'account_id', kind: 'in', get: (r, ctx) => refId('account')(ctx.store.get('people', refId('person')(r, ctx) as number) ?? { id: 0 }, ctx) },
    inProp('current_state'),
    inProp('task_type'),
    { param: 'time_interval_filter', kind: 'in', get: taskIntervals },
    inProp('idempotency_key'),
    inProp('locale', false, (r, ctx) => ctx.store.get('people', refId('person')(r, ctx) as number)?.locale),
    updatedAt,
    { param: 'completed_at', kind: 'range' },
    { param: 'completed_time_interval', kind: 'in', get: completedIntervals },
    inProp('source', false, (r) => r.source ?? 'salesloft.api'),
  ],
  sort: sorting(['due_date', 'due_at'], 'due_date', 'ASC'),
  write: taskWrite,
  // idempotency_key: a second create with the same key returns the first task.
  create(ctx) {
    const key = ctx.input.idempotency_key;
    const same = isBlank(key) ? undefined : ctx.store.find('tasks', (t) => t.idempotency_key === String(key))[0];
    return same ?? writeRecord(tasks, ctx, ctx.input);
  },
};
