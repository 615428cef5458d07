// The default seed's records of the current API's new resources (resources-current.ts): templates, meetings and
// calendar events, saved list views, successes, phone numbers, call instructions, activity history, CRM users and
// the pending email of the external email client. Same team and people as seed.ts; ids documented in README.md.

import type { SandboxSeed } from './store.js';

const t = (s: string) => `${s.replace(' ', 'T')}-05:00`;
const ref = (id: number | null) => (id === null ? null : { id });
const counts = (sent: number, views: number, clicks: number, replies: number, bounces = 0) => ({ sent_emails: sent, views, clicks, replies, bounces });

export const currentApiRecords: SandboxSeed = {
  email_templates: [
    { id: 1201, title: 'Intro - VP of Sales', subject: 'Pipeline reviews at {{account.name}}', body: '<p>Hi {{first_name}},</p><p>How does your team run pipeline reviews today?</p>', body_preview: 'Hi {{first_name}}, How does your team run pipeline reviews today?', shared: true, open_tracking_enabled: true, click_tracking_enabled: true, cadence_template: false, counts: counts(42, 31, 9, 6), template_owner: ref(1001), groups: [{ id: 11 }], tags: ['outbound'], last_used_at: t('2024-03-04 09:00:00.000000'), created_at: t('2023-12-01 10:00:00.100000'), updated_at: t('2024-02-20 11:00:00.200000') },
    { id: 1202, title: 'Follow-up after demo', subject: 'Recap: Northbeam demo for {{account.name}}', body: '<p>Thanks for your time today, {{first_name}}.</p>', body_preview: 'Thanks for your time today, {{first_name}}.', shared: false, open_tracking_enabled: true, click_tracking_enabled: false, cadence_template: false, counts: counts(12, 10, 4, 3), template_owner: ref(1002), groups: [], tags: ['inbound'], last_used_at: t('2024-02-19 12:20:00.000000'), created_at: t('2024-01-10 13:00:00.300000'), updated_at: t('2024-02-19 12:20:00.000000') },
    { id: 1203, title: 'Pricing follow-up (cadence step)', subject: 'Pricing for {{account.name}}', body: '<p>As promised, our pricing.</p>', body_preview: 'As promised, our pricing.', shared: true, open_tracking_enabled: true, click_tracking_enabled: true, cadence_template: true, counts: counts(5, 4, 1, 0), template_owner: ref(1002), groups: [], tags: [], created_at: t('2024-01-10 13:15:00.000000'), updated_at: t('2024-01-10 13:15:00.000000') },
    { id: 1204, title: 'Holiday greetings 2023', subject: 'Happy holidays from Northbeam', body: '<p>Happy holidays!</p>', body_preview: 'Happy holidays!', shared: true, open_tracking_enabled: false, click_tracking_enabled: false, cadence_template: false, counts: counts(80, 40, 2, 5), template_owner: ref(1001), groups: [], tags: [], archived_at: t('2024-01-05 09:00:00.000000'), created_at: t('2023-12-15 09:00:00.000000'), updated_at: t('2024-01-05 09:00:00.000000') },
  ],
  email_template_attachments: [
    { id: 1211, name: 'northbeam-overview.pdf', attachment_id: 880011, attachment_content_type: 'application/pdf', attachment_file_size: 482113, attachment_fingerprint: '9f2c1e', download_url: 'https://attachments.example.com/880011/northbeam-overview.pdf', scanned: true, email_template: ref(1201) },
    { id: 1212, name: 'demo-recap.pdf', attachment_id: 880012, attachment_content_type: 'application/pdf', attachment_file_size: 210554, attachment_fingerprint: '4b7a90', download_url: 'https://attachments.example.com/880012/demo-recap.pdf', scanned: true, email_template: ref(1202) },
  ],
  team_templates: [
    { id: 1221, title: 'Team intro - manufacturing', subject: 'Forecasting for manufacturers', body: '<p>Hi {{first_name}}, manufacturers like Globex use Northbeam to forecast demand.</p>', body_preview: 'Hi {{first_name}}, manufacturers like Globex use Northbeam to forecast demand.', open_tracking_enabled: true, click_tracking_enabled: true, counts: counts(25, 18, 5, 2), tags: ['outbound'], last_modified_user: ref(1001), last_modified_at: t('2024-02-01 10:00:00.000000'), last_used_at: t('2024-02-28 09:40:00.000000'), created_at: t('2023-11-20 10:00:00.000000'), updated_at: t('2024-02-01 10:00:00.000000') },
    { id: 1222, title: 'Case study share', subject: 'How Umbrella Health cut reporting time in half', body: '<p>Thought this might be useful, {{first_name}}.</p>', body_preview: 'Thought this might be useful, {{first_name}}.', open_tracking_enabled: true, click_tracking_enabled: true, counts: counts(9, 7, 3, 1), tags: [], last_modified_user: ref(1002), last_modified_at: t('2024-01-22 15:00:00.000000'), last_used_at: t('2024-02-10 10:00:00.000000'), created_at: t('2024-01-22 15:00:00.000000'), updated_at: t('2024-01-22 15:00:00.000000') },
  ],
  team_template_attachments: [
    { id: 1231, name: 'manufacturing-case-study.pdf', attachment_id: 880021, attachment_file_size: 733402, download_url: 'https://attachments.example.com/880021/manufacturing-case-study.pdf', team_template: ref(1221) },
  ],
  meetings: [
    { id: 1301, title: 'Northbeam x Northwind: RevOps demo', status: 'booked', start_time: '2024-03-18T15:00:00.000000Z', end_time: '2024-03-18T15:45:00.000000Z', all_day: false, location: 'https://meet.example.com/northbeam-demo', meeting_type: 'Demo', event_id: 'evt-1301', i_cal_uid: 'evt-1301@northbeam.io', calendar_id: 'jordan.reyes@northbeam.io', calendar_type: 'gmail', event_source: 'salesloft', recipient_email: 'olivia.martinez@northwindtraders.com', recipient_name: 'Olivia Martinez', person: ref(3001), account_id: '2001', booked_by_user: ref(1002), cadence: ref(501), step: ref(602), no_show: false, attendees: [{ email: 'olivia.martinez@northwindtraders.com', name: 'Olivia Martinez', status: 'accepted' }], guests: [], crm_custom_fields: {}, crm_references: {}, strict_attribution: false, created_at: t('2024-03-04 11:05:00.000000'), updated_at: t('2024-03-04 11:05:00.000000') },
    { id: 1302, title: 'Umbrella Health: security review', status: 'booked', start_time: '2024-03-07T19:00:00.000000Z', end_time: '2024-03-07T19:30:00.000000Z', all_day: false, location: 'Zoom', meeting_type: 'Follow-up', event_id: 'evt-1302', i_cal_uid: 'evt-1302@northbeam.io', calendar_id: 'jordan.reyes@northbeam.io', calendar_type: 'gmail', event_source: 'salesloft', recipient_email: 'noah.williams@umbrellahealth.io', recipient_name: 'Noah Williams', person: ref(3006), account_id: '2004', booked_by_user: ref(1002), task_id: 8003, no_show: false, attendees: [], guests: [], crm_custom_fields: {}, crm_references: {}, strict_attribution: false, created_at: t('2024-03-01 16:23:00.000000'), updated_at: t('2024-03-01 16:23:00.000000') },
    { id: 1303, title: 'Globex intro call', status: 'canceled', start_time: '2024-02-29T17:00:00.000000Z', end_time: '2024-02-29T17:30:00.000000Z', all_day: false, canceled_at: t('2024-02-28 09:41:00.000000'), person: ref(3003), account_id: '2002', booked_by_user: ref(1001), no_show: false, attendees: [], guests: [], crm_custom_fields: {}, crm_references: {}, created_at: t('2024-02-26 10:00:00.000000'), updated_at: t('2024-02-28 09:41:00.000000') },
  ],
  meeting_settings: [
    { id: 1311, user: ref(1001), user_slug: 'maya-chen', email_address: 'maya.chen@northbeam.io', title: 'Meet with Maya', description: '30 minutes to talk forecasting.', location: 'https://meet.example.com/maya', calendar_type: 'gmail', primary_calendar_id: 'maya.chen@northbeam.io', primary_calendar_name: 'Maya Chen', default_meeting_length: 30, buffer_time_duration: 5, schedule_buffer_enabled: true, availability_limit_enabled: false, availability_limit: 30, schedule_delay: 4, allow_booking_on_behalf: true, allow_booking_overtime: false, allow_event_overlap: false, share_event_detail: false, enable_dynamic_location: false, enable_calendar_sync: true, primary_calendar_connection_failed: false, time_zone: 'US/Eastern', times_available: { monday: [{ start: '09:00', end: '17:00' }] }, active_meeting_url: { url: 'https://meetings.example.com/maya-chen' }, created_at: t('2023-10-01 09:00:00.000000'), updated_at: t('2024-01-15 10:00:00.000000') },
    { id: 1312, user: ref(1002), user_slug: 'jordan-reyes', email_address: 'jordan.reyes@northbeam.io', title: 'Demo with Jordan', calendar_type: 'gmail', primary_calendar_id: 'jordan.reyes@northbeam.io', primary_calendar_name: 'Jordan Reyes', default_meeting_length: 45, buffer_time_duration: 10, time_zone: 'US/Central', times_available: {}, created_at: t('2023-10-02 09:00:00.000000'), updated_at: t('2024-02-01 10:00:00.000000') },
  ],
  calendar_events: [
    { id: 1321, event_id: 'evt-1301', i_cal_uid: 'evt-1301@northbeam.io', calendar_id: 'jordan.reyes@northbeam.io', title: 'Northbeam x Northwind: RevOps demo', status: 'confirmed', start_time: '2024-03-18T15:00:00Z', end_time: '2024-03-18T15:45:00Z', all_day: false, recurring: false, busy: true, organizer: 'jordan.reyes@northbeam.io', provider: 'google', user_guid: '5b1f4c2e-9d3a-4e8b-a6f1-2c7d9e0b4a13', attendees: [{ email: 'olivia.martinez@northwindtraders.com', status: 'accepted' }], created_at: t('2024-03-04 11:05:01.000000'), updated_at: t('2024-03-04 11:05:01.000000') },
    { id: 1322, event_id: 'evt-weekly-1001', i_cal_uid: 'evt-weekly-1001@northbeam.io', calendar_id: 'maya.chen@northbeam.io', title: 'Weekly pipeline review', status: 'confirmed', start_time: '2024-03-11T14:00:00Z', end_time: '2024-03-11T15:00:00Z', all_day: false, recurring: true, busy: true, organizer: 'maya.chen@northbeam.io', provider: 'google', user_guid: '0863ed13-7120-479b-8650-206a3679e2fb', attendees: [], created_at: t('2024-01-02 09:00:00.000000'), updated_at: t('2024-01-02 09:00:00.000000') },
  ],
  saved_list_views: [
    { id: 1401, name: 'Hot leads', view: 'people', view_params: { tag: ['hot-lead'] }, is_default: false, shared: false },
    { id: 1402, name: 'Customers in the Pacific Northwest', view: 'companies', view_params: { account_stage_id: [32], state: ['WA', 'OR'] }, is_default: true, shared: true },
    { id: 1403, name: 'Connected calls', view: 'recordings', view_params: { disposition: ['Connected'] }, is_default: false, shared: false },
  ],
  successes: [
    { id: 1451, person: ref(3001), user: ref(1002), latest_cadence: ref(501), latest_step: ref(602), latest_call: ref(4001), latest_email: ref(6001), latest_action: ref(9001), counts: { total_emails: 1, total_calls: 1, total_other_touches: 0 }, succeeded_at: t('2024-03-04 11:05:00.000000'), success_window_started_at: t('2024-02-26 09:00:04.118250'), created_at: t('2024-03-04 11:05:00.000000'), updated_at: t('2024-03-04 11:05:00.000000') },
    { id: 1452, person: ref(3006), user: ref(1002), latest_cadence: ref(501), latest_step: ref(602), latest_call: ref(4003), latest_email: ref(6003), counts: { total_emails: 1, total_calls: 1, total_other_touches: 0 }, succeeded_at: t('2024-03-01 16:23:00.000000'), success_window_started_at: t('2024-02-27 10:15:22.904117'), created_at: t('2024-03-01 16:23:00.000000'), updated_at: t('2024-03-01 16:23:00.000000') },
  ],
  phone_number_assignments: [
    { id: 1501, number: '+16465550100', user: ref(1002), created_at: t('2023-09-20 10:00:00.000000'), updated_at: t('2023-09-20 10:00:00.000000') },
    { id: 1502, number: '+16465550101', user: ref(1001), created_at: t('2023-09-20 10:01:00.000000'), updated_at: t('2023-09-20 10:01:00.000000') },
    { id: 1503, number: '+442075550104', user: ref(1004), created_at: t('2023-10-05 08:00:00.000000'), updated_at: t('2023-10-05 08:00:00.000000') },
  ],
  // Numbers on the team's Do Not Record list.
  recording_settings: [{ id: 1551, phone_number: '+15035550121', recording_default: false }],
  call_instructions: [
    { id: 1601, instructions: 'Open with the pipeline review pain; ask who owns forecasting. Book a demo if they run weekly reviews.', created_at: t('2024-01-03 09:31:41.000000'), updated_at: t('2024-01-03 09:31:41.000000') },
    { id: 1602, instructions: 'Recap the demo, confirm the decision process and the timeline.', created_at: t('2024-01-10 13:14:53.000000'), updated_at: t('2024-02-02 10:00:00.000000') },
  ],
  activity_histories: [
    { id: 1701, type: 'email', resource_type: 'person', resource_id: 3001, user_guid: '5b1f4c2e-9d3a-4e8b-a6f1-2c7d9e0b4a13', occurred_at: t('2024-02-26 09:05:12.300114'), static_data: { subject: "Quick question about Northwind's pipeline reviews" }, dynamic_data: { email_id: 6001 }, failed_dynamic_resources: {}, created_at: t('2024-02-26 09:05:13.000000'), updated_at: t('2024-02-26 09:05:13.000000') },
    { id: 1702, type: 'call', resource_type: 'person', resource_id: 3001, user_guid: '5b1f4c2e-9d3a-4e8b-a6f1-2c7d9e0b4a13', occurred_at: t('2024-03-04 11:02:19.330871'), pinned_at: t('2024-03-04 12:00:00.000000'), static_data: { disposition: 'Connected', sentiment: 'Positive' }, dynamic_data: { call_id: 4001 }, failed_dynamic_resources: {}, created_at: t('2024-03-04 11:02:20.000000'), updated_at: t('2024-03-04 12:00:00.000000') },
    { id: 1703, type: 'note', resource_type: 'account', resource_id: 2001, user_guid: '5b1f4c2e-9d3a-4e8b-a6f1-2c7d9e0b4a13', occurred_at: t('2024-02-15 15:30:12.660391'), static_data: { content: 'Renewal conversation planned for October.' }, dynamic_data: { note_id: 7002 }, failed_dynamic_resources: {}, created_at: t('2024-02-15 15:30:13.000000'), updated_at: t('2024-02-15 15:30:13.000000') },
  ],
  crm_users: [
    { id: 1801, crm_id: '0055e000001MayaAAA', user: ref(1001), created_at: t('2023-09-12 09:10:00.000000'), updated_at: t('2023-09-12 09:10:00.000000') },
    { id: 1802, crm_id: '0055e000002JordAAA', user: ref(1002), created_at: t('2023-09-12 09:11:00.000000'), updated_at: t('2023-09-12 09:11:00.000000') },
  ],
  // Email 6004 (scheduled) waits for the external email client.
  pending_emails: [{ id: 6004, mailbox: 'jordan.reyes@northbeam.io', mime_email_payload: ref(6004), status: 'pending', message_id: null, sent_at: null, error_message: null }],
  mime_email_payloads: [
    { id: 6004, mailbox: 'jordan.reyes@northbeam.io', message_id: '<6004@northbeam.io>', raw: 'From: Jordan Reyes <jordan.reyes@northbeam.io>\r\nTo: Liam O\'Connor <liam.oconnor@initech.com>\r\nSubject: Recap: Northbeam demo for Initech\r\nMessage-ID: <6004@northbeam.io>\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Thanks for your time today, Liam.</p>' },
  ],
};
