// Team setup (stages, tiers, users, groups, tags, custom fields...), cadences, activities and bulk job lists
// as configurations of the generic collection mechanism.

import { refId, render, type Ctx, type Filter, type Resource } from './collection.js';
import { isBlank, isPlainObject, toBool } from './query.js';
import { createdAt, ids, inGuid, inProp, inRef, nameOf, nextOrder, sorting, std, updatedAt, userByGuid } from './resource-kit.js';
import { people } from './resources-crm.js';
import type { SandboxRecord } from './store.js';

// ---- team setup: stages, tiers, users, groups, tags, custom fields ----------------------------------------

// Stages and tiers are active unless the team switched them off (SalesLoft's `active` filter).
const active: Filter = { param: 'active', kind: 'bool', get: (r) => r.active !== false };

export const personStages: Resource = {
  collection: 'person_stages',
  path: 'person_stages',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  filters: [ids, updatedAt, active],
  sort: std('order'),
  write: { fields: ['name'], required: ['name'], requiredOnUpdate: ['name'], unique: [{ field: 'name', ci: true }], defaults: nextOrder('person_stages') },
  remove(r, ctx) {
    for (const p of ctx.store.list('people')) if (refId('person_stage')(p, ctx) === r.id) ctx.store.update('people', p.id, { person_stage: null });
  },
};

export const accountStages: Resource = {
  collection: 'account_stages',
  path: 'account_stages',
  actions: ['list', 'get'],
  filters: [ids, updatedAt, active],
  sort: std('order'),
};

export const accountTiers: Resource = {
  collection: 'account_tiers',
  path: 'account_tiers',
  actions: ['list', 'get'],
  filters: [ids, inProp('name'), active],
  sort: std('order'),
};

export const users: Resource = {
  collection: 'users',
  path: 'users',
  actions: ['list', 'get', 'update'],
  paging: 'on_page',
  // visible_only (default true) hides deactivated users.
  visible: (r, ctx) => toBool(ctx.query.visible_only) === false || r.active !== false,
  filters: [
    ids,
    inProp('guid'),
    inRef('group_id', 'group'),
    inRef('role_id', 'role'),
    { param: 'search', kind: 'search', fields: ['first_name', 'last_name', 'name', 'email'] },
    { param: 'active', kind: 'bool' },
    { param: 'has_crm_user', kind: 'bool', get: (r) => r.crm_connected },
    inProp('work_country', true),
    inProp('seat_package'),
    inProp('manager_user_guid'),
    { param: 'managed_ar', kind: 'bool' },
  ],
  sort: sorting(['id', 'email', 'name', ['group', nameOf('groups', 'group')], ['role', refId('role')]], 'id', 'DESC'),
  // PUT /v2/users/{id}: what a team admin can change.
  write: {
    fields: ['work_country', 'seat_package', 'active', 'manager_user_guid'],
    refs: { group_id: ['group', 'groups'] },
    booleans: ['active'],
    validate(input, problems, ctx) {
      if (!isBlank(input.manager_user_guid) && !userByGuid(ctx, input.manager_user_guid)) problems.add('manager_user_guid', 'does not exist');
      if (!isBlank(input.role_id) && !['Admin', 'Sales Rep'].includes(String(input.role_id))) problems.add('role_id', 'does not exist');
    },
    transform: (input) => (isBlank(input.role_id) ? {} : { role: { id: String(input.role_id) } }),
  },
};

export const groups: Resource = {
  collection: 'groups',
  path: 'groups',
  actions: ['list', 'get'],
  paging: 'none',
  filters: [ids],
  sort: std(),
};

export const tags: Resource = {
  collection: 'tags',
  path: 'tags',
  actions: ['list'],
  filters: [{ param: 'search', kind: 'search', fields: ['name'] }, ids],
  sort: sorting(['name'], 'name', 'DESC'),
};

export const customFields: Resource = {
  collection: 'custom_fields',
  path: 'custom_fields',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  filters: [ids, inProp('field_type'), inProp('value_type')],
  sort: std('name'),
  write: {
    fields: ['name', 'field_type'],
    required: ['name'],
    enums: { field_type: ['person', 'company', 'opportunity'] },
    defaults: () => ({ field_type: 'person', value_type: 'text' }),
    validate(input, problems, ctx, existing) {
      if (existing && Object.hasOwn(input, 'name') && isBlank(input.name)) problems.add('name', "can't be blank");
      const name = String(input.name ?? existing?.name ?? '').toLowerCase();
      const type = String(input.field_type ?? existing?.field_type ?? 'person');
      const clash = ctx.store.list('custom_fields').some((f) => f.id !== existing?.id && String(f.name).toLowerCase() === name && f.field_type === type);
      if (name && clash) problems.add('name', 'is already taken');
    },
  },
};

export const callDispositions: Resource = {
  collection: 'call_dispositions',
  path: 'call_dispositions',
  actions: ['list', 'get'],
  sort: sorting(['name', 'updated_at'], 'name', 'ASC'),
};

export const callSentiments: Resource = {
  collection: 'call_sentiments',
  path: 'call_sentiments',
  actions: ['list', 'get'],
  filters: [inProp('name', true)],
  sort: sorting(['name', 'updated_at'], 'name', 'ASC'),
};

export const crmActivityFields: Resource = {
  collection: 'crm_activity_fields',
  path: 'crm_activity_fields',
  actions: ['list', 'get'],
  filters: [inProp('source'), inProp('editable_source', false, (r) => r.source)],
  sort: sorting(['title', 'updated_at'], 'title', 'ASC'),
};

// ---- cadences -------------------------------------------------------------------------------------------

const activeMemberships = (cadenceId: number, ctx: Ctx) =>
  ctx.store.list('cadence_memberships').filter((m) => refId('cadence')(m, ctx) === cadenceId && m.currently_on_cadence === true);

export const cadences: Resource = {
  collection: 'cadences',
  path: 'cadences',
  actions: ['list', 'get'],
  filters: [
    ids,
    updatedAt,
    { param: 'team_cadence', kind: 'bool' },
    { param: 'shared', kind: 'bool' },
    inGuid('owned_by_guid', 'owner'),
    { param: 'people_addable', kind: 'bool', get: (r) => isBlank(r.archived_at) && r.draft !== true },
    inProp('name'),
    { param: 'group_ids', kind: 'in', get: (r) => (Array.isArray(r.groups) ? r.groups.map((g: unknown) => (isPlainObject(g) ? g.id : g)) : []) },
    { param: 'archived', kind: 'bool', get: (r) => !isBlank(r.archived_at) },
  ],
  sort: std('name'),
  present: (r, ctx) => ({
    counts: {
      people_acted_on_count: 0,
      target_daily_people: 0,
      opportunities_created: 0,
      meetings_booked: 0,
      ...((r.counts as Record<string, number> | null) ?? {}),
      cadence_people: activeMemberships(r.id, ctx).length,
    },
  }),
};

export const steps: Resource = {
  collection: 'steps',
  path: 'steps',
  actions: ['list', 'get'],
  filters: [
    ids,
    updatedAt,
    inRef('cadence_id', 'cadence'),
    inProp('type'),
    {
      param: 'has_due_actions',
      kind: 'bool',
      get: (r, ctx) => ctx.store.list('actions').some((a) => refId('step')(a, ctx) === r.id && a.status === 'in_progress' && a.due === true),
    },
  ],
  sort: std(),
};

export const cadenceMemberships: Resource = {
  collection: 'cadence_memberships',
  path: 'cadence_memberships',
  actions: ['list', 'get', 'delete'], // create: handlers.ts (person_id/cadence_id come as query parameters)
  filters: [ids, inRef('person_id', 'person'), inRef('cadence_id', 'cadence'), updatedAt, { param: 'currently_on_cadence', kind: 'bool' }],
  sort: sorting(['added_at', 'updated_at']),
  // Removing a person from a cadence keeps the membership (one record per person and cadence).
  remove(r, ctx) {
    ctx.store.update('cadence_memberships', r.id, { currently_on_cadence: false, current_state: 'removed' });
    return 'keep';
  },
};

export const actions: Resource = {
  collection: 'actions',
  path: 'actions',
  actions: ['list', 'get'],
  visible: (r) => r.status === 'in_progress', // only in-progress actions are listed
  filters: [
    ids,
    inRef('step_id', 'step'),
    inProp('type'),
    { param: 'due_on', kind: 'range' },
    inGuid('user_guid', 'user'),
    inRef('person_id', 'person'),
    inRef('cadence_id', 'cadence'),
    inProp('multitouch_group_id'),
    updatedAt,
  ],
  sort: std(),
};

// ---- activities --------------------------------------------------------------------------------------

export const calls: Resource = {
  collection: 'calls',
  path: 'activities/calls',
  actions: ['list', 'get'], // create: handlers.ts
  filters: [ids, createdAt, updatedAt, inGuid('user_guid', 'user'), inRef('person_id', 'called_person'), inProp('sentiment'), inProp('disposition')],
  sort: std(),
};

export const callDataRecords: Resource = {
  collection: 'call_data_records',
  path: 'call_data_records',
  actions: ['list', 'get'],
  filters: [
    ids,
    { param: 'has_call', kind: 'bool', get: refId('call') },
    createdAt,
    updatedAt,
    inGuid('user_guid', 'user'),
    inRef('person_id', 'called_person'),
    inProp('direction'),
    inProp('status'),
    inProp('sentiment', true, (r, ctx) => ctx.store.get('calls', refId('call')(r, ctx) as number)?.sentiment),
    inProp('disposition', true, (r, ctx) => ctx.store.get('calls', refId('call')(r, ctx) as number)?.disposition),
    { param: 'recordings_only', kind: 'bool', get: (r) => !isBlank(r.recording) },
    { param: 'group_id', kind: 'in', get: (r, ctx) => refId('group')(ctx.store.get('users', refId('user')(r, ctx) as number) ?? { id: 0 }, ctx) },
  ],
  sort: std(),
};

export const emails: Resource = {
  collection: 'emails',
  path: 'activities/emails',
  actions: ['list', 'get'],
  filters: [
    ids,
    updatedAt,
    { param: 'bounced', kind: 'bool' },
    inRef('crm_activity_id', 'crm_activity'),
    inRef('action_id', 'action'),
    inRef('user_id', 'user'),
    inProp('status'),
    inRef('cadence_id', 'cadence'),
    inRef('step_id', 'step'),
    { param: 'one_off', kind: 'bool', get: (r) => isBlank(r.cadence) },
    inRef('person_id', 'recipient'),
    inProp('email_addresses', true, (r) => r.recipient_email_address),
    { param: 'sent_at', kind: 'range' },
    inRef('email_template_id', 'email_template'),
    { param: 'account_id', kind: 'in', get: (r, ctx) => refId('account')(ctx.store.get('people', refId('recipient')(r, ctx) as number) ?? { id: 0 }, ctx) },
    { param: 'has_replies', kind: 'bool', get: (r) => emailCount(r, 'replies') > 0 },
    { param: 'has_clicks', kind: 'bool', get: (r) => emailCount(r, 'clicks') > 0 },
    { param: 'has_views', kind: 'bool', get: (r) => emailCount(r, 'views') > 0 },
  ],
  sort: sorting(['updated_at', ['send_time', (r) => r.sent_at ?? r.send_after]]),
};

const emailCount = (r: SandboxRecord, key: string): number => Number((r.counts as Record<string, unknown> | null)?.[key] ?? 0);

export const crmActivities: Resource = {
  collection: 'crm_activities',
  path: 'crm_activities',
  actions: ['list', 'get'],
  filters: [ids, updatedAt],
  sort: std(),
};

// ---- bulk jobs (lists only; the lifecycle is in handlers.ts) -------------------------------------------

export const bulkJobs: Resource = {
  collection: 'bulk_jobs',
  path: 'bulk_jobs',
  actions: [],
  jsonAlias: false,
  paging: 'cursor',
  filters: [inProp('state'), { param: 'id', kind: 'range' }],
};

export const bulkJobResults: Resource = {
  collection: 'bulk_job_results',
  path: 'bulk_jobs/:bulk_jobs_id/results',
  actions: [],
  jsonAlias: false,
  paging: 'cursor',
  filters: [inProp('status'), { param: 'id', kind: 'range' }],
  hidden: ['bulk_job'],
  // A processed record keeps its person embedded as {id}, like every stored reference; it is rendered when listed.
  present: (r, ctx) => {
    const resource = r.resource;
    if (!isPlainObject(resource) || !isPlainObject(resource.person) || Object.keys(resource.person).join() !== 'id') return {};
    const person = ctx.store.get('people', resource.person.id as number);
    return { resource: { ...resource, person: person ? render(people, person, ctx) : resource.person } };
  },
};

