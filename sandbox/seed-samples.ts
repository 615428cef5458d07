// Records named by the operations' sample inputs (samples/<op>/input.json, mostly seed 002's ids such as 12345
// and 67890), so that every sample runs as it is against the default sandbox. They belong to the same team
// ("Northbeam Analytics") as the rest of the seed: a second sales pod whose records got their ids from an older
// SalesLoft instance that was merged into this one.

import type { SandboxSeed } from './store.js';

const t = (s: string) => `${s.replace(' ', 'T')}-05:00`;
const ref = (id: number | null) => (id === null ? null : { id });

function user(id: number, first: string, last: string, group: number, jobRole: string, guid: string) {
  const email = `${first.toLowerCase()}.${last.toLowerCase()}@northbeam.io`;
  return {
    id, guid, name: `${first} ${last}`, first_name: first, last_name: last, job_role: jobRole, email,
    email_client_email_address: email, sending_email_address: email, full_email_address: `"${first} ${last}" <${email}>`,
    time_zone: 'US/Eastern', locale_utc_offset: -300, role: { id: 'Sales Rep' }, group: ref(group), team: { id: 111855 },
    created_at: t('2023-06-01 09:00:00.100000'), updated_at: t('2024-01-12 10:30:00.200000'),
  };
}

function person(id: number, first: string, last: string, email: string, title: string, account: number | null, owner: number, extra: Record<string, unknown> = {}) {
  const display = `${first} ${last}`;
  return {
    id, first_name: first, last_name: last, display_name: display, email_address: email, full_email_address: `"${display}" <${email}>`,
    title, account: ref(account), owner: ref(owner), person_stage: ref(21), locale: 'US/Eastern',
    created_at: t('2024-01-18 10:12:00.330000'), updated_at: t('2024-02-21 15:40:12.551000'), ...extra,
  };
}

/** The sample records, by collection; seed.ts appends them to the default seed. */
export const sampleRecords: SandboxSeed = {
  users: [
    user(12345, 'Rachel', 'Nguyen', 11, 'Account Executive', '7d1e9a52-3c4b-4f8e-a2d6-9b0c1e2f3a45'),
    user(51550, 'Daniel', 'Foster', 11, 'Sales Development Rep', 'b3c5d7e9-1a2b-4c3d-8e5f-6a7b8c9d0e1f'),
    user(54321, 'Grace', 'Liu', 12, 'Customer Success Manager', 'e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6a7b'),
    user(67890, 'Marcus', 'Bennett', 11, 'Sales Manager', '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a10'),
  ],
  person_stages: [{ id: 12345, name: 'Qualified', order: 4, created_at: t('2023-09-12 10:00:03.401122'), updated_at: t('2023-09-12 10:00:03.401122') }],
  account_stages: [
    { id: 2, name: 'Evaluation', order: 4, created_at: t('2023-06-01 09:05:00.000000'), updated_at: t('2023-06-01 09:05:00.000000') },
    { id: 4, name: 'Negotiation', order: 5, created_at: t('2023-06-01 09:05:30.000000'), updated_at: t('2023-06-01 09:05:30.000000') },
  ],
  account_tiers: [{ id: 3, name: 'Tier 4 - Long Tail', order: 4, created_at: t('2023-06-01 09:06:00.000000'), updated_at: t('2023-06-01 09:06:00.000000') }],
  call_sentiments: [{ id: 84, name: 'Interested', created_at: t('2023-09-12 10:06:03.314508'), updated_at: t('2023-09-12 10:06:03.314508') }],
  custom_fields: [
    { id: 12345, name: 'Budget Approved', field_type: 'person', value_type: 'text', created_at: t('2023-10-02 11:25:00.100000'), updated_at: t('2023-10-02 11:25:00.100000') },
    { id: 47761, name: 'Preferred Call Time', field_type: 'person', value_type: 'text', created_at: t('2023-10-02 11:26:00.200000'), updated_at: t('2023-10-02 11:26:00.200000') },
    { id: 47762, name: 'Legacy Lead Score', field_type: 'person', value_type: 'text', created_at: t('2023-10-02 11:27:00.300000'), updated_at: t('2023-10-02 11:27:00.300000') },
  ],
  imports: [{ id: 123, name: 'Trade show leads', imported_people_count: 1, user: ref(67890), created_at: t('2024-01-18 10:10:00.000000'), updated_at: t('2024-01-18 10:12:30.000000') }],
  accounts: [
    {
      id: 12345, name: 'Contoso Retail', domain: 'contoso-retail.com', website: 'https://contoso-retail.com', city: 'Atlanta', state: 'GA',
      country: 'United States', locale: 'US/Eastern', industry: 'Retail', size: '1001-5000', owner: ref(67890), creator: ref(67890),
      company_stage: ref(2), account_tier: ref(3), created_at: t('2024-01-18 10:11:00.000000'), updated_at: t('2024-02-21 15:40:12.551000'),
    },
  ],
  people: [
    person(12345, 'Jane', 'Cooper', 'jane.cooper@contoso-retail.com', 'Director of Store Operations', 12345, 67890, { phone: '+1 404-555-0134', import: ref(123) }),
    person(67890, 'Tom', 'Harris', 'tom.harris@contoso-retail.com', 'CFO', 12345, 67890, { phone: '+1 404-555-0171' }),
    person(164510523, 'Nina', 'Alvarez', 'nina.alvarez@contoso-retail.com', 'IT Manager', 12345, 51550),
  ],
  cadences: [
    { id: 5, name: 'Event Follow-up', team_cadence: false, shared: true, cadence_function: 'event', creator: ref(67890), owner: ref(67890), created_at: t('2023-06-01 10:00:00.000000'), updated_at: t('2024-01-05 09:00:00.000000') },
    { id: 12345, name: 'Retail Expansion', team_cadence: false, shared: true, cadence_function: 'outbound', creator: ref(67890), owner: ref(67890), created_at: t('2024-01-18 11:00:00.000000'), updated_at: t('2024-02-01 12:00:00.000000') },
    { id: 67890, name: 'Executive Outreach', team_cadence: false, shared: true, cadence_function: 'outbound', creator: ref(67890), owner: ref(67890), created_at: t('2024-01-19 09:00:00.000000'), updated_at: t('2024-02-02 12:00:00.000000') },
  ],
  steps: [
    { id: 2468, cadence: ref(67890), day: 1, step_number: 1, type: 'email', name: 'Executive intro', display_name: 'Day 1: Step 1 - Email', created_at: t('2024-01-19 09:01:00.000000'), updated_at: t('2024-01-19 09:01:00.000000') },
    { id: 2469, cadence: ref(5), day: 1, step_number: 1, type: 'email', name: 'Thanks for visiting our booth', display_name: 'Day 1: Step 1 - Email', created_at: t('2023-06-01 10:01:00.000000'), updated_at: t('2023-06-01 10:01:00.000000') },
    { id: 2470, cadence: ref(12345), day: 1, step_number: 1, type: 'phone', name: 'Discovery call', display_name: 'Day 1: Step 1 - Phone', created_at: t('2024-01-18 11:01:00.000000'), updated_at: t('2024-01-18 11:01:00.000000') },
  ],
  cadence_memberships: [
    { id: 12345, person: ref(67890), cadence: ref(12345), user: ref(67890), current_state: 'active', currently_on_cadence: true, added_at: t('2024-02-01 12:05:00.000000'), created_at: t('2024-02-01 12:05:00.000000'), updated_at: t('2024-02-01 12:05:00.000000') },
  ],
  actions: [
    { id: 3301, type: 'phone', due: true, due_on: t('2024-03-06 09:00:00.000000'), status: 'in_progress', user: ref(67890), person: ref(67890), cadence: ref(12345), step: ref(2470), created_at: t('2024-02-01 12:05:01.000000'), updated_at: t('2024-02-01 12:05:01.000000') },
  ],
  calls: [
    { id: 12345, to: '+14045550134', duration: 198, disposition: 'Meeting Booked', sentiment: 'Interested', user: ref(67890), called_person: ref(12345), created_at: t('2024-02-20 14:00:00.000000'), updated_at: t('2024-02-20 14:00:00.000000') },
  ],
  call_data_records: [
    { id: 9101, to: '+14155550123', from: '+16465550100', duration: 240, direction: 'outbound', status: 'completed', call_uuid: '4e5f6071-8293-4a4b-8d5e-6f708192a3b4', call: null, called_person: ref(12345), user: ref(1001), created_at: t('2024-03-06 16:00:00.000000'), updated_at: t('2024-03-06 16:04:00.000000') },
  ],
  emails: [
    { id: 55501, recipient: ref(12345), recipient_email_address: 'jane.cooper@contoso-retail.com', subject: 'Store operations benchmarks for Contoso', status: 'sent', sent_at: t('2024-02-19 09:30:00.000000'), user: ref(67890), counts: { clicks: 0, views: 2, replies: 0, unique_devices: 1, unique_locations: 1, attachments: 0 }, created_at: t('2024-02-19 09:29:00.000000'), updated_at: t('2024-02-19 11:00:00.000000') },
  ],
  notes: [
    { id: 555, content: 'Jane is consolidating store tooling this year; CFO Tom Harris signs off.', associated_type: 'person', associated_with: ref(12345), user: ref(67890), created_at: t('2024-02-20 14:05:00.000000'), updated_at: t('2024-02-20 14:05:00.000000') },
  ],
  tasks: [
    { id: 12345, subject: 'Send Jane the store operations case study', task_type: 'email', current_state: 'scheduled', due_date: '2024-03-14', person: ref(12345), user: ref(67890), created_by_user: ref(67890), created_at: t('2024-02-20 14:06:00.000000'), updated_at: t('2024-02-20 14:06:00.000000') },
  ],
  // An open job (not yet marked ready): the samples add data to it, mark it ready and read its results.
  bulk_jobs: [
    { id: 12345, name: 'Contoso contacts refresh', type: 'person/upsert', state: 'open', ready_to_execute: false, total: 0, processed: 0, errors: 0, scopes: [], created_at: t('2024-03-05 08:00:00.000000'), updated_at: t('2024-03-05 08:00:00.000000') },
  ],
};
