// The newest SalesLoft resources (opportunities, ...) as configurations of the generic collection mechanism.

import { invalid, link, refId, type Ctx, type Resource } from './collection.js';
import type { CollectionName, SandboxRecord } from './store.js';
import { createdAt, ids, inProp, inRef, nextOrder, sorting, std, updatedAt, userByGuid } from './resource-kit.js';

/** Embedded records whose path collection.ts does not know, rendered with their `_href`. */
const linked =
  (paths: Record<string, string>) =>
  (r: SandboxRecord, ctx: Ctx): Record<string, unknown> =>
    Object.fromEntries(Object.entries(paths).map(([field, path]) => [field, link(path, r[field], ctx.baseUrl)]));

const opportunityPeopleOf = (ctx: Ctx, opportunityId: number): number[] =>
  ctx.store
    .list('opportunity_people')
    .filter((association) => refId('opportunity')(association, ctx) === opportunityId)
    .map((association) => refId('person')(association, ctx) as number);

export const opportunities: Resource = {
  collection: 'opportunities',
  path: 'opportunities',
  actions: ['list', 'get'],
  filters: [
    ids,
    createdAt,
    updatedAt,
    { param: 'created_date', kind: 'range' },
    inProp('crm_id'),
    inProp('name'),
    inProp('stage_name', true),
    inProp('opportunity_type', true),
    inRef('account_id', 'account'),
    inRef('associated_account_id', 'account'),
    inRef('owner_id', 'owner'),
    inRef('most_recent_cadence_id', 'most_recent_cadence'),
    { param: 'person_id', kind: 'in', get: (r, ctx) => opportunityPeopleOf(ctx, r.id) },
    { param: 'is_closed', kind: 'bool' },
    { param: 'is_won', kind: 'bool' },
  ],
  sort: std(),
  present: linked({ opportunity_stage: 'opportunity_stages' }),
};

export const opportunityStages: Resource = {
  collection: 'opportunity_stages',
  path: 'opportunity_stages',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  filters: [ids, updatedAt],
  sort: std('order'),
  write: {
    fields: ['name', 'order'],
    required: ['name'],
    integers: ['order'],
    unique: [{ field: 'name', ci: true }],
    defaults: nextOrder('opportunity_stages'),
    validate(input, problems, _ctx, existing) {
      if (existing && Object.hasOwn(input, 'name') && (input.name === null || String(input.name).trim() === '')) problems.add('name', "can't be blank");
    },
  },
  remove(r, ctx) {
    // Like SalesLoft, a stage that opportunities still use cannot go.
    const used = ctx.store.list('opportunities').some((o) => refId('opportunity_stage')(o, ctx) === r.id);
    if (used) throw invalid({ base: ['Stage is in use by opportunities; move them to another stage first'] });
  },
};

export const opportunityPeople: Resource = {
  collection: 'opportunity_people',
  path: 'opportunity_people',
  actions: ['list', 'create', 'delete'],
  filters: [ids, inRef('opportunity_id', 'opportunity'), inRef('person_id', 'person'), updatedAt],
  sort: sorting(['created_at', 'updated_at']),
  present: linked({ opportunity: 'opportunities' }),
  write: {
    fields: [],
    refs: { opportunity_id: ['opportunity', 'opportunities'], person_id: ['person', 'people'] },
    required: ['opportunity_id', 'person_id'],
    validate(input, problems, ctx) {
      const taken = ctx.store
        .list('opportunity_people')
        .some((a) => String(refId('opportunity')(a, ctx)) === String(input.opportunity_id) && String(refId('person')(a, ctx)) === String(input.person_id));
      if (taken) problems.add('person_id', 'is already associated with this opportunity');
    },
  },
};

// ---- team roles, account types and CRM account teams (read only) -----------------------------------------

export const customRoles: Resource = { collection: 'custom_roles', path: 'custom_roles', actions: ['list', 'get'], filters: [ids, updatedAt], sort: std('name') };

export const accountTypes: Resource = { collection: 'account_types', path: 'account_types', actions: ['list'], filters: [ids, inProp('name', true)], sort: std('name') };

export const accountTeamMemberRoles: Resource = { collection: 'account_team_member_roles', path: 'account_team_member_roles', actions: ['list'], filters: [ids], sort: std('name') };

export const crmAccountTeamMembers: Resource = {
  collection: 'crm_account_team_members',
  path: 'crm_account_team_members',
  actions: ['list'],
  filters: [ids, inRef('account_id', 'account'), inRef('user_id', 'user'), updatedAt],
  sort: std(),
};

export const crmTeamMembersWithRoles: Resource = { collection: 'crm_team_members_with_roles', path: 'crm_team_members_with_roles', actions: ['list'], filters: [inRef('user_id', 'user')], sort: std() };

// ---- conversations and transcriptions (UUID ids; routes in handlers-newest.ts) ------------------------------

const userIdOfGuid = (guid: unknown, ctx: Ctx): number | null => userByGuid(ctx, guid)?.id ?? null;

export const conversations: Resource = {
  collection: 'conversations',
  path: 'conversations',
  actions: [],
  filters: [
    inProp('ids', false, 'uuid'),
    inProp('platform', true),
    inProp('media_type', true),
    inProp('language_code', true),
    { param: 'owner_ids', kind: 'in', get: (r, ctx) => userIdOfGuid(r.user_guid, ctx) },
    inProp('user_guids', false, 'user_guid'),
    inProp('account_ids', false, 'account_id'),
    inProp('person_ids', false, 'person_id'),
    { param: 'is_api', kind: 'bool' },
    { param: 'duration', kind: 'range' },
    createdAt,
    updatedAt,
  ],
  // title is exact, title[_starts_with] a prefix (the query parser gives the latter as an object).
  visible: (r, ctx) => {
    const title = ctx.query.title;
    if (typeof title === 'string') return r.title === title;
    if (title && typeof title === 'object' && typeof (title as Record<string, unknown>)._starts_with === 'string') return String(r.title ?? '').startsWith(String((title as Record<string, unknown>)._starts_with));
    return true;
  },
  sort: std(),
  hidden: ['uuid', 'summary', 'key_moments', 'action_items', 'talk_ratio'],
};

export const transcriptions: Resource = {
  collection: 'transcriptions',
  path: 'transcriptions',
  actions: [],
  filters: [inProp('ids', false, 'uuid'), inProp('language_code', true), createdAt, updatedAt],
  sort: std(),
  hidden: ['uuid'],
};

export const transcriptionSentences: Resource = {
  collection: 'transcription_sentences',
  path: 'transcriptions/:id/sentences',
  actions: [],
  visible: (r, ctx) => r.transcription_id === ctx.params.id,
  sort: sorting(['order_number'], 'order_number', 'ASC'),
  hidden: ['uuid', 'transcription_id'],
};

// ---- data control requests (creates and the lifecycle in handlers-newest.ts) ------------------------------

export const dataControlRequests: Resource = {
  collection: 'data_control_requests',
  path: 'data_control/requests',
  actions: [],
  filters: [inProp('request_type'), { param: 'dry_run', kind: 'bool' }, inProp('user_guid'), inProp('team_id')],
  sort: std(),
};

// ---- signals: registrations of signal types and plays (signals themselves: handlers-newest.ts) ----------

/** The integration (OAuth application) every sandbox token belongs to. */
export const SANDBOX_INTEGRATION_ID = 5167;

// Listed before signalRegistrations: `registrations/plays` must not be read as a registration id.
export const playRegistrations: Resource = {
  collection: 'play_registrations',
  path: 'integrations/signals/registrations/plays',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  filters: [ids],
  sort: std(),
  present: linked({ signal_registration: 'integrations/signals/registrations' }),
  write: {
    fields: ['name', 'label', 'description', 'indicators', 'attributes'],
    refs: { signal_registration_id: ['signal_registration', 'signal_registrations'] },
    required: ['signal_registration_id', 'name'],
  },
};

export const signalRegistrations: Resource = {
  collection: 'signal_registrations',
  path: 'integrations/signals/registrations',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  filters: [
    ids,
    inProp('types', false, 'type'),
    inRef('integration_ids', 'integration'),
    updatedAt,
    { param: 'globally_installed_at', kind: 'range' },
  ],
  sort: sorting(['id', 'updated_at']),
  present: linked({ integration: 'integrations' }),
  write: {
    fields: ['type', 'description', 'data_shape', 'indicators', 'attribution', 'broadcast_notification'],
    required: ['type'],
    booleans: ['broadcast_notification'],
    unique: [{ field: 'type' }],
    defaults: (ctx) => ({
      integration: { id: SANDBOX_INTEGRATION_ID },
      integration_slug: 'sandbox-integration',
      owner_user_guid: ctx.store.get('users', ctx.store.me)?.guid ?? null,
      globally_installed_at: null,
      broadcast_notification: true,
    }),
    validate(input, problems, _ctx, existing) {
      if (!existing && (!Array.isArray(input.indicators) || input.indicators.length === 0)) problems.add('indicators', 'must have at least one indicator');
    },
  },
  // A registration's plays go with it.
  remove(r, ctx) {
    for (const play of ctx.store.list('play_registrations')) if (refId('signal_registration')(play, ctx) === r.id) ctx.store.remove('play_registrations', play.id);
  },
};

// ---- external ids -----------------------------------------------------------------------------------------

const EXTERNAL_OBJECT_TYPES = ['opportunities', 'accounts', 'people'];

export const externalIdConfigurations: Resource = {
  collection: 'external_id_configurations',
  path: 'external/configurations',
  actions: ['list', 'create', 'delete'],
  filters: [ids],
  sort: std(),
  write: {
    fields: ['object_type', 'external_type'],
    required: ['object_type', 'external_type'],
    enums: { object_type: EXTERNAL_OBJECT_TYPES },
    validate(input, problems, ctx) {
      const taken = ctx.store.list('external_id_configurations').some((c) => c.object_type === input.object_type && c.external_type === input.external_type);
      if (taken) problems.add('external_type', `is already configured for ${String(input.object_type)}`);
    },
  },
  remove(r, ctx) {
    const inUse = ctx.store.list('external_id_mappings').some((m) => m.deleted !== true && m.object_type === r.object_type && m.external_type === r.external_type);
    if (inUse) throw invalid({ base: ['External type has mappings; delete them first'] });
  },
};

export const externalIdMappings: Resource = {
  collection: 'external_id_mappings',
  path: 'external/mappings',
  actions: ['list', 'create', 'delete'],
  filters: [ids, inProp('object_type'), inProp('object_id'), inProp('external_type'), inProp('external_id'), { param: 'deleted', kind: 'bool' }],
  sort: std(),
  write: {
    fields: ['object_type', 'object_id', 'external_type', 'external_id'],
    required: ['object_type', 'object_id', 'external_type', 'external_id'],
    enums: { object_type: EXTERNAL_OBJECT_TYPES },
    defaults: () => ({ deleted: false }),
    transform: (input) => ({ object_id: String(input.object_id) }),
    validate(input, problems, ctx) {
      const type = String(input.object_type ?? '');
      if (!EXTERNAL_OBJECT_TYPES.includes(type)) return;
      if (!ctx.store.list('external_id_configurations').some((c) => c.object_type === type && c.external_type === input.external_type)) {
        problems.add('external_type', `is not configured for ${type}`);
      }
      if (!ctx.store.get(type, String(input.object_id))) problems.add('object_id', 'does not exist');
      const taken = ctx.store.list('external_id_mappings').some((m) => m.deleted !== true && m.external_type === input.external_type && m.external_id === input.external_id);
      if (taken) problems.add('external_id', 'is already taken');
    },
  },
  // A deleted mapping stays, marked deleted (the list's deleted filter finds it).
  remove(r, ctx) {
    ctx.store.update('external_id_mappings', r.id, { deleted: true });
    return 'keep';
  },
};

// ---- group writes (the list and get are resources-team.ts's groups) ---------------------------------------

export const groupWrites: Resource = {
  collection: 'groups',
  path: 'groups',
  actions: ['create', 'update', 'delete'],
  write: {
    fields: ['name', 'parent_id'],
    required: ['name'],
    integers: ['parent_id'],
    unique: [{ field: 'name', ci: true }],
    defaults: () => ({ parent_id: null, accessible_groups: [] }),
    validate(input, problems, ctx, existing) {
      if (existing && Object.hasOwn(input, 'name') && String(input.name ?? '').trim() === '') problems.add('name', "can't be blank");
      const parent = input.parent_id === undefined || input.parent_id === null || input.parent_id === '' ? undefined : String(input.parent_id);
      if (parent !== undefined && (!ctx.store.get('groups', parent) || parent === String(existing?.id))) problems.add('parent_id', 'does not exist');
    },
    derive: (r) => ({ accessible_groups: [{ id: r.id }] }),
  },
  remove(r, ctx) {
    for (const user of ctx.store.list('users')) if (refId('group')(user, ctx) === r.id) ctx.store.update('users', user.id, { group: null });
    for (const child of ctx.store.list('groups')) if (child.parent_id === r.id) ctx.store.update('groups', child.id, { parent_id: null });
  },
};

// ---- audit reports (create and the lifecycle in handlers-newest.ts) ---------------------------------------

export const auditReports: Resource = {
  collection: 'audit_reports',
  path: 'audit_reports',
  actions: [],
  filters: [ids, inProp('state')],
  sort: std(),
  present: linked({ requested_by: 'users' }),
};

export const NEWEST_RESOURCES: Resource[] = [
  externalIdConfigurations,
  externalIdMappings,
  groupWrites,
  playRegistrations,
  signalRegistrations,
  opportunities,
  opportunityStages,
  opportunityPeople,
  customRoles,
  accountTypes,
  accountTeamMemberRoles,
  crmAccountTeamMembers,
  crmTeamMembersWithRoles,
];

/**
 * Records whose SalesLoft id is a UUID keep it in `uuid` (the store's ids are numbers): this finds one by it, through
 * the index of `uuid` (which files values under their text, hence the `===`; a route's id is never empty, the one
 * value the index leaves out).
 */
export const byUuid = (collection: CollectionName, uuid: string, ctx: Ctx): SandboxRecord | undefined => ctx.store.lookup(collection, 'uuid', uuid).find((r) => r.uuid === uuid);
