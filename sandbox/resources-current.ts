// The resources of the current API beyond the first 65 operations (templates, meetings, calendar events, saved
// list views, successes, phone number assignments, call instructions, activity history, CRM users, pending
// emails, external writes) as configurations of the generic collection mechanism (collection.ts).

import { refId, toStrings, type Ctx, type Filter, type Resource, type WriteSpec } from './collection.js';
import { isBlank, toBool } from './query.js';
import { ids, inGuid, inProp, inRef, sorting, std, updatedAt } from './resource-kit.js';
import type { SandboxRecord } from './store.js';


const tagged: Filter = { param: 'tag', kind: 'in', get: (r) => (Array.isArray(r.tags) ? r.tags : []) };
const groupIds = (r: SandboxRecord): unknown[] => (Array.isArray(r.groups) ? r.groups.map((g) => (g as { id?: unknown }).id) : []);

/** Template writes: the body takes open_tracking/click_tracking, the record shows *_tracking_enabled. */
const templateWrite = (extraFields: string[], defaults: (ctx: Ctx) => Record<string, unknown>): WriteSpec => ({
  fields: ['title', 'subject', 'body', ...extraFields],
  required: ['title'],
  booleans: extraFields.filter((f) => f === 'shared'),
  defaults,
  validate(input, problems, _ctx, existing) {
    if (existing && Object.hasOwn(input, 'title') && isBlank(input.title)) problems.add('title', "can't be blank");
  },
  transform: (input) => {
    const out: Record<string, unknown> = {};
    for (const f of ['open_tracking', 'click_tracking']) if (Object.hasOwn(input, f)) out[`${f}_enabled`] = toBool(input[f]) ?? false;
    if (Object.hasOwn(input, 'attachment_ids')) out.attachment_ids = toStrings(input.attachment_ids).map(Number);
    return out;
  },
  derive: (r) => ({ body_preview: String(r.body ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() }),
});
const NO_COUNTS = { sent_emails: 0, views: 0, clicks: 0, replies: 0, bounces: 0 };

export const emailTemplates: Resource = {
  collection: 'email_templates',
  path: 'email_templates',
  actions: ['list', 'get', 'create', 'update'],
  // Cadence-only and archived templates are listed only when asked for.
  visible: (r, ctx) =>
    (toBool(ctx.query.include_cadence_templates) === true || r.cadence_template !== true) &&
    (toBool(ctx.query.include_archived_templates) === true || isBlank(r.archived_at)),
  filters: [
    ids,
    updatedAt,
    { param: 'search', kind: 'search', fields: ['title', 'subject'] },
    { param: 'linked_to_team_template', kind: 'bool', get: (r) => !isBlank(r.team_template) },
    tagged,
    { param: 'group_id', kind: 'in', get: groupIds },
    inRef('cadence_id', 'cadence'),
    { param: 'filter_by_owner', kind: 'bool', get: (r, ctx) => refId('template_owner')(r, ctx) === ctx.store.me },
  ],
  sort: std('last_used_at'),
  hidden: ['attachment_ids'],
  write: templateWrite(['shared', 'archived_at'], (ctx) => ({ shared: false, open_tracking_enabled: true, click_tracking_enabled: true, cadence_template: false, counts: NO_COUNTS, template_owner: { id: ctx.store.me }, groups: [], tags: [] })),
};

export const emailTemplateAttachments: Resource = {
  collection: 'email_template_attachments',
  path: 'email_template_attachments',
  actions: ['list'],
  filters: [ids, inRef('email_template_id', 'email_template')],
  sort: sorting(['id'], 'id', 'ASC'),
};

export const teamTemplates: Resource = {
  collection: 'team_templates',
  path: 'team_templates',
  actions: ['list', 'get', 'create', 'update'],
  visible: (r, ctx) => toBool(ctx.query.include_archived_templates) === true || isBlank(r.archived_at),
  filters: [ids, updatedAt, { param: 'search', kind: 'search', fields: ['title', 'subject'] }, tagged],
  sort: std('last_used_at'),
  hidden: ['attachment_ids'],
  write: templateWrite([], () => ({ open_tracking_enabled: true, click_tracking_enabled: true, counts: NO_COUNTS, tags: [] })),
};

export const teamTemplateAttachments: Resource = {
  collection: 'team_template_attachments',
  path: 'team_template_attachments',
  actions: ['list'],
  filters: [ids, inRef('team_template_id', 'team_template')],
  sort: sorting(['id'], 'id', 'ASC'),
};

export const meetings: Resource = {
  collection: 'meetings',
  path: 'meetings',
  actions: ['list', 'update'],
  visible: (r, ctx) => toBool(ctx.query.show_deleted) === true || r.status !== 'deleted',
  filters: [
    ids,
    inProp('status'),
    inRef('person_id', 'person'),
    inRef('person_ids', 'person'),
    inProp('account_id'),
    inProp('event_ids', false, 'event_id'),
    inProp('i_cal_uids', false, 'i_cal_uid'),
    inProp('task_ids', false, 'task_id'),
    { param: 'start_time', kind: 'range' },
    { param: 'created_at', kind: 'range' },
    inGuid('user_guids', 'booked_by_user'),
    { param: 'no_show', kind: 'bool' },
    inRef('cadence_id', 'cadence'),
    inRef('step_id', 'step'),
  ],
  sort: std('start_time'),
  write: { fields: ['no_show', 'status', 'event_id', 'i_cal_uid'], booleans: ['no_show'], enums: { status: ['pending', 'booked', 'failed', 'retry', 'canceled', 'deleted'] } },
};

const MEETING_SETTING_FIELDS = [
  'primary_calendar_id', 'primary_calendar_name', 'calendar_type', 'title', 'description', 'location', 'default_meeting_length',
  'buffer_time_duration', 'times_available', 'schedule_buffer_enabled', 'availability_limit_enabled', 'availability_limit',
  'schedule_delay', 'allow_booking_on_behalf', 'allow_booking_overtime', 'allow_event_overlap', 'share_event_detail',
  'enable_dynamic_location', 'enable_calendar_sync', 'time_zone', 'primary_calendar_connection_failed',
];

export const meetingSettings: Resource = {
  collection: 'meeting_settings',
  path: 'meetings/settings',
  actions: ['update'], // the list is a POST search: handlers-current.ts
  filters: [inGuid('user_guids', 'user'), updatedAt, inProp('calendar_type')],
  sort: std(),
  write: {
    fields: MEETING_SETTING_FIELDS,
    booleans: MEETING_SETTING_FIELDS.filter((f) => /enabled|allow_|share_|failed/.test(f)),
    integers: ['default_meeting_length', 'buffer_time_duration', 'availability_limit', 'schedule_delay'],
  },
};

export const calendarEvents: Resource = {
  collection: 'calendar_events',
  path: 'calendar/events',
  actions: [], // list (a time window) and upsert: handlers-current.ts
  filters: [inProp('user_guid')],
  sort: sorting(['start_time'], 'start_time', 'ASC'),
};

export const savedListViews: Resource = {
  collection: 'saved_list_views',
  path: 'saved_list_views',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  filters: [ids, inProp('view')],
  sort: sorting(['name'], 'name', 'ASC'),
  write: {
    fields: ['name', 'view', 'view_params', 'is_default', 'shared'],
    required: ['name', 'view'],
    enums: { view: ['people', 'companies', 'recordings'] },
    booleans: ['is_default', 'shared'],
    unique: [{ field: 'name', ci: true }],
    validate(input, problems, _ctx, existing) {
      if (existing && Object.hasOwn(input, 'name') && isBlank(input.name)) problems.add('name', "can't be blank");
      if (!isBlank(input.view_params) && typeof input.view_params === 'string') {
        try {
          JSON.parse(input.view_params);
        } catch {
          problems.add('view_params', 'is not valid JSON');
        }
      }
    },
    transform: (input) => (typeof input.view_params === 'string' && input.view_params !== '' ? { view_params: JSON.parse(input.view_params) } : {}),
  },
};

export const successes: Resource = {
  collection: 'successes',
  path: 'successes',
  actions: ['list'],
  filters: [ids, inRef('person_id', 'person'), updatedAt],
  sort: std('succeeded_at'),
};

export const phoneNumberAssignments: Resource = {
  collection: 'phone_number_assignments',
  path: 'phone_number_assignments',
  actions: ['list', 'get'],
  filters: [ids],
  sort: std(),
};

export const callInstructions: Resource = {
  collection: 'call_instructions',
  path: 'action_details/call_instructions',
  actions: ['list', 'get'],
  filters: [ids],
  sort: std(),
};

export const activityHistories: Resource = {
  collection: 'activity_histories',
  path: 'activity_histories',
  actions: ['list'],
  filters: [
    ids,
    inProp('type'),
    { param: 'occurred_at', kind: 'range' },
    { param: 'pinned', kind: 'bool', get: (r) => !isBlank(r.pinned_at) },
    inProp('resource_type'),
    inProp('resource_id'),
    updatedAt,
    inProp('user_guid'),
  ],
  sort: sorting(['occurred_at', 'updated_at'], 'occurred_at'),
};

export const crmUsers: Resource = {
  collection: 'crm_users',
  path: 'crm_users',
  actions: ['list'],
  filters: [ids, inProp('crm_id'), inRef('user_id', 'user'), inGuid('user_guid', 'user')],
  sort: sorting(['id', 'updated_at'], 'id', 'ASC'),
};

export const pendingEmails: Resource = {
  collection: 'pending_emails',
  path: 'pending_emails',
  actions: ['list', 'update'],
  visible: (r) => r.status === 'pending',
  hidden: ['status', 'message_id', 'sent_at', 'error_message'],
  write: {
    fields: ['status', 'message_id', 'sent_at', 'error_message'],
    required: ['status'],
    requiredOnUpdate: ['status'],
    enums: { status: ['sent', 'failed'] },
    validate(input, problems) {
      if (input.status === 'failed' && isBlank(input.error_message)) problems.add('error_message', "can't be blank when status is failed");
    },
    // The email itself follows: sent with its time, or failed with the error.
    derive(r, ctx) {
      if (r.status === 'sent') ctx.store.update('emails', r.id, { status: 'sent', sent_at: r.sent_at ?? ctx.store.now() });
      if (r.status === 'failed') ctx.store.update('emails', r.id, { status: 'failed', error_message: r.error_message });
      return {};
    },
  },
};

export const mimeEmailPayloads: Resource = {
  collection: 'mime_email_payloads',
  path: 'mime_email_payloads',
  actions: ['get'],
};

const mime = (raw: unknown): string => Buffer.from(String(raw ?? ''), 'base64').toString('utf8');

export const externalEmails: Resource = {
  collection: 'external_emails',
  path: 'external_emails',
  actions: ['create'],
  hidden: ['raw', 'mailbox'],
  write: {
    fields: ['mailbox', 'raw'],
    required: ['mailbox', 'raw'],
    // raw is the MIME message, Base64 encoded.
    validate(input, problems) {
      if (!isBlank(input.raw) && !/^[\w-]+:/m.test(mime(input.raw))) problems.add('raw', 'is not a Base64 encoded MIME message');
    },
    transform: (input) => ({ message_id: /^Message-ID:\s*(.+)$/im.exec(mime(input.raw))?.[1]?.trim() ?? null }),
  },
};

export const conversationCalls: Resource = {
  collection: 'conversation_calls',
  path: 'conversations/calls',
  actions: ['create'],
  hidden: ['id', 'created_at', 'updated_at'],
  write: {
    fields: ['to', 'from', 'duration', 'call_created_at', 'user_guid', 'direction', 'recording'],
    required: ['to', 'from', 'recording'],
    enums: { direction: ['inbound', 'outbound'] },
    validate(input, problems) {
      const recording = input.recording as Record<string, unknown> | undefined;
      if (recording && (typeof recording !== 'object' || isBlank(recording.url))) problems.add('recording', 'must have a url');
    },
  },
};

export const CURRENT_RESOURCES: Resource[] = [
  emailTemplates,
  emailTemplateAttachments,
  teamTemplates,
  teamTemplateAttachments,
  meetings,
  meetingSettings,
  calendarEvents,
  savedListViews,
  successes,
  phoneNumberAssignments,
  callInstructions,
  activityHistories,
  crmUsers,
  pendingEmails,
  mimeEmailPayloads,
  externalEmails,
  conversationCalls,
];
