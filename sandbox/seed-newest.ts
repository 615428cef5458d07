// Seed records of the newest resources (resources-newest.ts), appended to the default seed in seed.ts.
// Ids are documented in sandbox/README.md.

import type { SandboxSeed } from './store.js';

const t = (s: string) => `${s.replace(' ', 'T')}-05:00`;
const ref = (id: number | null) => (id === null ? null : { id });

const stage = (id: number, name: string, order: number) => ({ id, name, order, created_at: t('2024-01-08 09:00:00.000000'), updated_at: t('2024-01-08 09:00:00.000000') });

const opportunity = (id: number, name: string, account: number, owner: number, stageId: number, stageName: string, amount: number, closeDate: string, closed: boolean, won: boolean, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  crm_id: `0065e00000Op${id}AAA`,
  account: ref(account),
  owner: ref(owner),
  opportunity_stage: ref(stageId),
  stage_name: stageName,
  amount,
  close_date: closeDate,
  created_date: t('2024-02-12 11:20:00.000000'),
  opportunity_type: 'New Business',
  probability: won ? 100 : closed ? 0 : 40,
  is_closed: closed,
  is_won: won,
  most_recent_cadence: ref(501),
  custom_fields: {},
  created_at: t('2024-02-12 11:20:00.000000'),
  updated_at: t('2024-03-04 15:45:00.000000'),
  ...extra,
});

const synced = { created_at: t('2024-01-05 08:00:00.000000'), updated_at: t('2024-01-05 08:00:00.000000') };

const C1 = '71d91aec-80bc-463b-b072-475aea744805';
const C2 = 'b3e8f0a2-6c4d-4f19-8d7e-0a5b2c9e1f34';
const C3 = 'e6a1c9d4-2b7f-4a3e-b8c0-9f4d1e2a7b56';
const T1 = '5f0c2d7e-3b8a-4e61-9a4f-2c1d7e9b0a11';
const T2 = '8a4e1b6c-9d2f-4c7a-a3e5-6b0f2d8c4e29';

const MAYA = '0863ed13-7120-479b-8650-206a3679e2fb';
const JORDAN = '5b1f4c2e-9d3a-4e8b-a6f1-2c7d9e0b4a13';

const sentence = (id: number, transcription: string, order: number, start: number, end: number, speaker: string, text: string) => ({
  id,
  uuid: `0c9e2f4a-1b3d-4e5f-8a7b-${String(id).padStart(12, '0')}`,
  transcription_id: transcription,
  order_number: order,
  start_time: start,
  end_time: end,
  recording_attendee_id: speaker === 'Maya Chen' ? 'attendee-maya' : speaker === 'Jordan Reyes' ? 'attendee-jordan' : 'attendee-guest',
  speaker_name: speaker,
  text,
});

export const newestApiRecords: Partial<SandboxSeed> = {
  audit_reports: [
    {
      id: 2701, state: 'completed', start_date: '2024-02-01', end_date: '2024-02-29', requested_by: ref(1001), record_count: 214,
      download_url: 'https://api.salesloft.com/media/audit_reports/2701.csv?expires=1709913600&signature=sandbox', download_url_expires_at: '2024-03-08T16:00:00Z',
      created_at: t('2024-03-08 10:00:00.000000'), updated_at: t('2024-03-08 10:02:00.000000'),
    },
  ],
  external_id_configurations: [
    { id: 2601, object_type: 'opportunities', external_type: 'crm_opportunity', created_at: t('2024-01-20 10:00:00.000000'), updated_at: t('2024-01-20 10:00:00.000000') },
    { id: 2602, object_type: 'people', external_type: 'marketing_contact', created_at: t('2024-01-21 10:00:00.000000'), updated_at: t('2024-01-21 10:00:00.000000') },
  ],
  external_id_mappings: [
    { id: 2611, object_type: 'opportunities', object_id: '1701', external_type: 'crm_opportunity', external_id: 'OPP-1001', deleted: false, created_at: t('2024-02-12 11:21:00.000000'), updated_at: t('2024-02-12 11:21:00.000000') },
    { id: 2612, object_type: 'opportunities', object_id: '1703', external_type: 'crm_opportunity', external_id: 'OPP-1003', deleted: false, created_at: t('2024-02-12 11:22:00.000000'), updated_at: t('2024-02-12 11:22:00.000000') },
  ],
  signal_registrations: [
    {
      id: 2501, type: 'video_watched', owner_user_guid: MAYA, integration_slug: 'sandbox-integration', integration: ref(5167), globally_installed_at: null, broadcast_notification: true,
      description: { 'en-us': 'watched {video_name}' }, data_shape: { video_name: { type: 'string' } }, attribution: ['person_id', 'account_id'],
      indicators: [{ key: 'watched', description: { 'en-us': 'Watched {view_count} times' }, metadata_shape: { view_count: { type: 'number' } } }],
      created_at: t('2024-02-01 12:00:00.000000'), updated_at: t('2024-02-01 12:00:00.000000'),
    },
    {
      id: 2502, type: 'pricing_page_visited', owner_user_guid: MAYA, integration_slug: 'sandbox-integration', integration: ref(5167), globally_installed_at: null, broadcast_notification: false,
      description: { 'en-us': 'visited the pricing page' }, data_shape: { page_url: { type: 'string' } }, attribution: ['person_id'],
      indicators: [{ key: 'visited', description: { 'en-us': 'Visited pricing' }, metadata_shape: {} }],
      created_at: t('2024-02-02 12:00:00.000000'), updated_at: t('2024-02-02 12:00:00.000000'),
    },
  ],
  play_registrations: [
    {
      id: 2511, signal_registration: ref(2501), name: 'Follow up on a watched video', label: { 'en-us': 'Video watched' }, description: { 'en-us': 'Call people who watched a product video' },
      indicators: ['watched'], attributes: { task_type: 'call', task_subject: 'Call about the video' }, created_at: t('2024-02-01 12:10:00.000000'), updated_at: t('2024-02-01 12:10:00.000000'),
    },
  ],
  data_control_requests: [
    {
      id: 2401, request_type: 'account_redaction', state: 'completed', dry_run: true, team_id: 111855, user_guid: MAYA, account_id: 2005, people_ids: null, schedule: null,
      counts: { accounts: 1, people: 0 }, completed_at: '2024-03-14T14:02:10Z', error: null, created_at: t('2024-03-14 09:00:00.000000'), updated_at: t('2024-03-14 09:02:10.000000'),
    },
  ],
  conversations: [
    {
      id: 2101, uuid: C1, title: 'Northwind Traders - Discovery Call', platform: 'zoom', media_type: 'video', duration: 1_845_000, language_code: 'en-US',
      started_recording_at: 1709823600000, user_guid: MAYA, owner_id: MAYA, account_id: 2001, person_id: 3001, call_id: null, transcription_id: T1, is_api: false,
      attendees: [{ name: 'Maya Chen', email: 'maya.chen@northbeam.io' }, { name: 'Olivia Martinez', email: 'olivia.martinez@northwindtraders.com' }],
      summary: 'Olivia described their reporting gaps; Maya proposed an evaluation with two analysts in April.',
      key_moments: [{ type: 'next_steps', start_time: 1_620_000 }, { type: 'pricing', start_time: 1_210_000 }],
      action_items: ['Send the evaluation plan to Olivia', 'Book a technical deep-dive with their data team'],
      talk_ratio: { 'Maya Chen': 0.44, 'Olivia Martinez': 0.56 },
      created_at: t('2024-03-07 10:00:00.000000'), updated_at: t('2024-03-07 10:40:12.000000'),
    },
    {
      id: 2102, uuid: C2, title: 'Globex - Proposal Review', platform: 'salesloft', media_type: 'audio', duration: 742_000, language_code: 'en-US',
      started_recording_at: 1710252000000, user_guid: JORDAN, owner_id: JORDAN, account_id: 2002, person_id: 3004, call_id: 4002, transcription_id: T2, is_api: false,
      attendees: [{ name: 'Jordan Reyes', email: 'jordan.reyes@northbeam.io' }], summary: 'Pricing questions on the warehouse tier.', key_moments: [], action_items: ['Revise the quote'], talk_ratio: { 'Jordan Reyes': 0.61 },
      created_at: t('2024-03-12 09:00:00.000000'), updated_at: t('2024-03-12 09:15:00.000000'),
    },
    {
      id: 2103, uuid: C3, title: 'Umbrella Health - Intro (voicemail)', platform: 'salesloft', media_type: 'audio', duration: 41_000, language_code: 'en-US',
      started_recording_at: 1710338400000, user_guid: MAYA, owner_id: MAYA, account_id: 2004, person_id: null, call_id: null, transcription_id: null, is_api: true,
      attendees: [], summary: null, key_moments: [], action_items: [], talk_ratio: {},
      created_at: t('2024-03-13 09:00:00.000000'), updated_at: t('2024-03-13 09:01:00.000000'),
    },
  ],
  transcriptions: [
    { id: 2201, uuid: T1, conversation_id: C1, language_code: 'en-US', created_at: t('2024-03-07 10:45:00.000000'), updated_at: t('2024-03-07 10:45:00.000000') },
    { id: 2202, uuid: T2, conversation_id: C2, language_code: 'en-US', created_at: t('2024-03-12 09:20:00.000000'), updated_at: t('2024-03-12 09:20:00.000000') },
  ],
  transcription_sentences: [
    sentence(2301, T1, 1, 0, 4_200, 'Maya Chen', 'Thanks for making the time today, Olivia.'),
    sentence(2302, T1, 2, 4_300, 11_900, 'Olivia Martinez', 'Of course. Our regional reports still take two days to put together.'),
    sentence(2303, T1, 3, 12_000, 19_500, 'Maya Chen', 'That is exactly what the evaluation would focus on.'),
    sentence(2304, T2, 1, 0, 5_100, 'Jordan Reyes', 'I wanted to walk through the proposal line by line.'),
    sentence(2305, T2, 2, 5_200, 9_800, 'Guest', 'The warehouse tier is where we have questions.'),
  ],
  custom_roles: [
    { id: 1901, name: 'Sales Manager', user_count: 1, ...synced },
    { id: 1902, name: 'Team Lead (no billing)', user_count: 0, ...synced },
  ],
  account_types: [
    { id: 1911, name: 'Customer', ...synced },
    { id: 1912, name: 'Prospect', ...synced },
    { id: 1913, name: 'Partner', ...synced },
  ],
  account_team_member_roles: [
    { id: 1921, name: 'Account Executive', crm_id: 'Account Executive', ...synced },
    { id: 1922, name: 'Sales Development Rep', crm_id: 'Sales Development Rep', ...synced },
    { id: 1923, name: 'Customer Success Manager', crm_id: 'Customer Success Manager', ...synced },
  ],
  crm_account_team_members: [
    { id: 1931, account: ref(2001), user: ref(1002), crm_id: '01M5e00000Tm1931AAA', crm_user_id: '0055e00000Us1002AAA', team_member_role: 'Account Executive', ...synced },
    { id: 1932, account: ref(2001), user: ref(1003), crm_id: '01M5e00000Tm1932AAA', crm_user_id: '0055e00000Us1003AAA', team_member_role: 'Sales Development Rep', ...synced },
    { id: 1933, account: ref(2004), user: ref(1004), crm_id: '01M5e00000Tm1933AAA', crm_user_id: '0055e00000Us1004AAA', team_member_role: 'Customer Success Manager', ...synced },
  ],
  crm_team_members_with_roles: [
    { id: 1941, user: ref(1002), crm_user_id: '0055e00000Us1002AAA', roles: ['Account Executive'], ...synced },
    { id: 1942, user: ref(1003), crm_user_id: '0055e00000Us1003AAA', roles: ['Sales Development Rep'], ...synced },
    { id: 1943, user: ref(1004), crm_user_id: '0055e00000Us1004AAA', roles: ['Customer Success Manager'], ...synced },
  ],
  opportunity_stages: [stage(161, 'Discovery', 1), stage(162, 'Evaluation', 2), stage(163, 'Proposal', 3), stage(164, 'Closed Won', 5), stage(165, 'Closed Lost', 6)],
  opportunities: [
    opportunity(1701, 'Northwind - Analytics Platform', 2001, 1001, 162, 'Evaluation', 48000, '2024-06-28', false, false),
    opportunity(1702, 'Globex - Data Warehouse Expansion', 2002, 1002, 163, 'Proposal', 125000, '2024-05-31', false, false),
    opportunity(1703, 'Initech - Reporting Seats', 2003, 1003, 164, 'Closed Won', 18500, '2024-02-29', true, true, { opportunity_type: 'Renewal' }),
    opportunity(1704, 'Umbrella Health - Pilot', 2004, 1004, 161, 'Discovery', 9000, '2024-08-15', false, false, { most_recent_cadence: null }),
  ],
  opportunity_people: [
    { id: 1801, opportunity: ref(1701), person: ref(3001), created_at: t('2024-02-12 11:25:00.000000'), updated_at: t('2024-02-12 11:25:00.000000') },
    { id: 1802, opportunity: ref(1701), person: ref(3002), created_at: t('2024-02-12 11:26:00.000000'), updated_at: t('2024-02-12 11:26:00.000000') },
    { id: 1803, opportunity: ref(1702), person: ref(3004), created_at: t('2024-02-20 14:02:00.000000'), updated_at: t('2024-02-20 14:02:00.000000') },
    { id: 1804, opportunity: ref(1703), person: ref(3006), created_at: t('2024-01-15 10:10:00.000000'), updated_at: t('2024-01-15 10:10:00.000000') },
  ],
};
