// The built-in seed: a believable small sales team ("Northbeam Analytics") selling to five accounts.
// Records only name the properties that matter; the store fills the rest from the resource templates.
// Ids are stable and documented in sandbox/README.md for tests.

import { currentApiRecords } from './seed-current.js';
import { sampleRecords } from './seed-samples.js';
import { newestApiRecords } from './seed-newest.js';
import type { SandboxSeed } from './store.js';

/** 2024-03-01 10:00:00.123456 (US/Eastern, winter offset) -> ISO with microseconds. */
const t = (s: string) => `${s.replace(' ', 'T')}-05:00`;
const ref = (id: number | null) => (id === null ? null : { id });

function user(
  id: number,
  first: string,
  last: string,
  role: 'Admin' | 'Sales Rep',
  group: number | null,
  timeZone: string,
  offset: number,
  jobRole: string,
  guid: string,
  extra: Record<string, unknown> = {},
) {
  const email = `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}@northbeam.io`;
  return {
    id,
    guid,
    name: `${first} ${last}`,
    first_name: first,
    last_name: last,
    job_role: jobRole,
    email,
    email_client_email_address: email,
    sending_email_address: email,
    full_email_address: `"${first} ${last}" <${email}>`,
    slack_username: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}`,
    time_zone: timeZone,
    locale_utc_offset: offset,
    team_admin: role === 'Admin',
    role: { id: role },
    group: ref(group),
    team: { id: 111855 },
    phone_client: { id: 46880 + (id - 1000) },
    created_at: t(`2023-09-1${id - 1000} 09:0${id - 1000}:12.40${id}`),
    updated_at: t(`2024-02-2${id - 1000} 16:2${id - 1000}:45.81${id}`),
    ...extra,
  };
}

function person(
  id: number,
  first: string,
  last: string,
  email: string | null,
  title: string,
  account: number | null,
  owner: number | null,
  stage: number | null,
  imp: number | null,
  created: string,
  updated: string,
  extra: Record<string, unknown> = {},
) {
  const display = `${first} ${last}`;
  return {
    id,
    first_name: first,
    last_name: last,
    display_name: display,
    email_address: email,
    full_email_address: email ? `"${display}" <${email}>` : null,
    title,
    account: ref(account),
    owner: ref(owner),
    person_stage: ref(stage),
    import: ref(imp),
    created_at: t(created),
    updated_at: t(updated),
    ...extra,
  };
}

export const defaultSeed: SandboxSeed = {
  me: 1001,
  team: { id: 111855, name: 'Northbeam Analytics' },
  users: [
    user(1001, 'Maya', 'Chen', 'Admin', 11, 'US/Eastern', -300, 'Sales Manager', '0863ed13-7120-479b-8650-206a3679e2fb', { crm_connected: true }),
    user(1002, 'Jordan', 'Reyes', 'Sales Rep', 11, 'US/Central', -360, 'Account Executive', '5b1f4c2e-9d3a-4e8b-a6f1-2c7d9e0b4a13', { crm_connected: true }),
    user(1003, 'Priya', 'Patel', 'Sales Rep', 11, 'US/Pacific', -480, 'Sales Development Rep', 'c4e2a9b7-1f6d-4b3c-8e5a-7d9f0a2b6c81'),
    user(1004, 'Sam', "O'Brien", 'Sales Rep', 12, 'Europe/London', 0, 'Customer Success Manager', '9a7d3e1c-6b2f-4c8d-b5e4-1f0a8c3d7e92', { work_country: 'GB' }),
    user(1005, 'Alex', 'Kim', 'Sales Rep', null, 'US/Mountain', -420, 'Account Executive', 'e2b8c6d4-3a1f-4d7e-9c5b-8f2a6e4d1b07', {
      active: false,
      email_client_configured: false,
    }),
  ],
  groups: [
    { id: 11, name: 'Sales', parent_id: null, accessible_groups: [{ id: 11 }, { id: 12 }] },
    { id: 12, name: 'Customer Success', parent_id: 11, accessible_groups: [{ id: 12 }] },
  ],
  person_stages: [
    { id: 21, name: 'New Lead', order: 1, created_at: t('2023-09-12 10:00:00.104512'), updated_at: t('2023-09-12 10:00:00.104512') },
    { id: 22, name: 'Working', order: 2, created_at: t('2023-09-12 10:00:01.220931'), updated_at: t('2023-09-12 10:00:01.220931') },
    { id: 23, name: 'Nurture', order: 3, created_at: t('2023-09-12 10:00:02.318843'), updated_at: t('2024-01-08 11:15:09.770412') },
  ],
  account_stages: [
    { id: 31, name: 'Prospect', order: 1, created_at: t('2023-09-12 10:01:00.512300'), updated_at: t('2023-09-12 10:01:00.512300') },
    { id: 32, name: 'Customer', order: 2, created_at: t('2023-09-12 10:01:01.601244'), updated_at: t('2023-09-12 10:01:01.601244') },
    { id: 33, name: 'Churned', order: 3, created_at: t('2023-09-12 10:01:02.733019'), updated_at: t('2023-09-12 10:01:02.733019') },
  ],
  account_tiers: [
    { id: 41, name: 'Tier 1 - Strategic', order: 1, created_at: t('2023-09-12 10:02:00.118234'), updated_at: t('2023-09-12 10:02:00.118234') },
    { id: 42, name: 'Tier 2 - Growth', order: 2, created_at: t('2023-09-12 10:02:01.224871'), updated_at: t('2023-09-12 10:02:01.224871') },
    { id: 43, name: 'Tier 3 - Velocity', order: 3, created_at: t('2023-09-12 10:02:02.309915'), updated_at: t('2023-09-12 10:02:02.309915') },
  ],
  cadences: [
    {
      id: 501,
      name: 'Outbound - VP of Sales',
      team_cadence: true,
      shared: true,
      cadence_function: 'outbound',
      tags: ['outbound', 'q1-2024'],
      creator: ref(1001),
      owner: ref(1001),
      groups: [{ id: 11 }],
      counts: { people_acted_on_count: 14, target_daily_people: 25, opportunities_created: 2, meetings_booked: 3 },
      created_at: t('2024-01-03 09:30:11.402233'),
      updated_at: t('2024-02-27 14:05:40.918822'),
    },
    {
      id: 502,
      name: 'Inbound Demo Follow-up',
      team_cadence: false,
      shared: true,
      cadence_function: 'inbound',
      tags: ['inbound'],
      creator: ref(1002),
      owner: ref(1002),
      counts: { people_acted_on_count: 6, target_daily_people: 10, opportunities_created: 1, meetings_booked: 2 },
      created_at: t('2024-01-10 13:12:51.775120'),
      updated_at: t('2024-02-20 10:44:03.150387'),
    },
  ],
  steps: [
    { id: 601, cadence: ref(501), day: 1, step_number: 1, type: 'email', name: 'Intro email - VP', display_name: 'Day 1: Step 1 - Email', created_at: t('2024-01-03 09:31:02.110045'), updated_at: t('2024-01-03 09:31:02.110045') },
    { id: 602, cadence: ref(501), day: 1, step_number: 2, type: 'phone', name: 'Intro call', display_name: 'Day 1: Step 2 - Phone', created_at: t('2024-01-03 09:31:40.620198'), updated_at: t('2024-01-03 09:31:40.620198') },
    { id: 603, cadence: ref(501), day: 3, step_number: 1, type: 'other', name: 'LinkedIn connect', display_name: 'Day 3: Step 1 - Other', created_at: t('2024-01-03 09:32:15.004871'), updated_at: t('2024-01-05 08:12:33.551906') },
    { id: 604, cadence: ref(502), day: 1, step_number: 1, type: 'email', name: 'Demo recap', display_name: 'Day 1: Step 1 - Email', created_at: t('2024-01-10 13:14:09.338400'), updated_at: t('2024-01-10 13:14:09.338400') },
    { id: 605, cadence: ref(502), day: 2, step_number: 1, type: 'phone', name: 'Follow-up call', display_name: 'Day 2: Step 1 - Phone', created_at: t('2024-01-10 13:14:52.902715'), updated_at: t('2024-01-10 13:14:52.902715') },
    { id: 606, cadence: ref(502), day: 4, step_number: 1, type: 'email', name: 'Pricing follow-up', display_name: 'Day 4: Step 1 - Email', created_at: t('2024-01-10 13:15:30.447129'), updated_at: t('2024-01-10 13:15:30.447129') },
  ],
  call_dispositions: ['Connected', 'Left Voicemail', 'No Answer', 'Not Interested', 'Meeting Booked'].map((name, i) => ({
    id: 71 + i,
    name,
    created_at: t(`2023-09-12 10:05:0${i}.20${i}114`),
    updated_at: t(`2023-09-12 10:05:0${i}.20${i}114`),
  })),
  call_sentiments: ['Positive', 'Neutral', 'Negative'].map((name, i) => ({
    id: 81 + i,
    name,
    created_at: t(`2023-09-12 10:06:0${i}.31${i}508`),
    updated_at: t(`2023-09-12 10:06:0${i}.31${i}508`),
  })),
  tags: ['dreamforce-2024', 'enterprise', 'hot-lead', 'newsletter', 'partner', 'webinar'].map((name, i) => ({ id: 91 + i, name })),
  custom_fields: [
    { id: 111, name: 'Lead Source', field_type: 'person', value_type: 'text', created_at: t('2023-10-02 11:20:14.802588'), updated_at: t('2023-10-02 11:20:14.802588') },
    { id: 112, name: 'Favorite Product', field_type: 'person', value_type: 'text', created_at: t('2023-10-02 11:21:40.418880'), updated_at: t('2023-11-15 09:02:11.220417') },
    { id: 113, name: 'Customer Segment', field_type: 'company', value_type: 'text', created_at: t('2023-10-02 11:23:05.990528'), updated_at: t('2023-10-02 11:23:05.990528') },
    { id: 114, name: 'Renewal Date', field_type: 'company', value_type: 'date', created_at: t('2023-10-02 11:24:12.354223'), updated_at: t('2023-10-02 11:24:12.354223') },
  ],
  crm_activity_fields: [
    { id: 121, field: 'Call_Type__c', title: 'Call Type', field_type: 'picklist', source: 'phone', picklist_values: { 'Cold Call': 'Cold Call', 'Follow-up': 'Follow-up', Demo: 'Demo' }, created_at: t('2023-09-20 15:00:01.100200'), updated_at: t('2023-09-20 15:00:01.100200') },
    { id: 122, field: 'Call_Outcome__c', title: 'Call Outcome', field_type: 'picklist', source: 'phone', picklist_values: { Interested: 'Interested', 'Not Interested': 'Not Interested', 'Call Back Later': 'Call Back Later' }, created_at: t('2023-09-20 15:00:02.200300'), updated_at: t('2023-09-20 15:00:02.200300') },
    { id: 123, field: 'Email_Category__c', title: 'Email Category', field_type: 'picklist', source: 'email', picklist_values: { Prospecting: 'Prospecting', Nurture: 'Nurture', 'Customer Update': 'Customer Update' }, created_at: t('2023-09-20 15:00:03.300400'), updated_at: t('2023-09-20 15:00:03.300400') },
  ],
  imports: [
    { id: 131, name: 'Dreamforce 2024 leads', imported_people_count: 4, user: ref(1001), created_at: t('2024-01-15 08:45:10.611203'), updated_at: t('2024-01-15 08:46:02.004117') },
    { id: 132, name: 'Q1 webinar attendees', imported_people_count: 3, user: ref(1003), created_at: t('2024-02-06 17:30:44.270981'), updated_at: t('2024-02-06 17:31:20.589344') },
  ],
  accounts: [
    {
      id: 2001, name: 'Northwind Traders', domain: 'northwindtraders.com', website: 'https://www.northwindtraders.com', conversational_name: 'Northwind',
      description: 'Specialty food wholesaler supplying 2,000 retailers across North America.', phone: '+1 206-555-0100',
      linkedin_url: 'https://www.linkedin.com/company/northwind-traders', street: '1200 Western Ave', city: 'Seattle', state: 'WA', postal_code: '98101',
      country: 'United States', locale: 'US/Pacific', industry: 'Wholesale', company_type: 'Private', founded: '1998', revenue_range: '$100M-$250M', size: '501-1000',
      crm_id: '0015e00000AbCdEAAZ', crm_url: 'https://na15.salesforce.com/0015e00000AbCdEAAZ', tags: ['enterprise'],
      custom_fields: { 'Customer Segment': 'Enterprise', 'Renewal Date': '2024-10-31' },
      owner: ref(1002), creator: ref(1001), company_stage: ref(32), account_tier: ref(41),
      last_contacted_at: t('2024-03-04 11:02:19.330871'), last_contacted_type: 'call', last_contacted_by: ref(1002), last_contacted_person: ref(3001),
      created_at: t('2024-01-15 08:45:31.108245'), updated_at: t('2024-03-04 11:02:19.330871'),
    },
    {
      id: 2002, name: 'Globex Corporation', domain: 'globex.com', website: 'https://globex.com', conversational_name: 'Globex',
      description: 'Industrial equipment manufacturer.', phone: '+1 503-555-0175', city: 'Portland', state: 'OR', country: 'United States', locale: 'US/Pacific',
      industry: 'Manufacturing', company_type: 'Public', founded: '1989', revenue_range: '$1B+', size: '5000+', tags: ['enterprise', 'partner'],
      custom_fields: { 'Customer Segment': 'Enterprise' }, owner: ref(1001), creator: ref(1001), company_stage: ref(31), account_tier: ref(42),
      created_at: t('2024-01-22 14:10:05.774120'), updated_at: t('2024-02-28 09:40:51.662013'),
    },
    {
      id: 2003, name: 'Initech', domain: 'initech.com', website: 'https://initech.com', description: 'Financial software for regional banks.',
      city: 'Austin', state: 'TX', country: 'United States', locale: 'US/Central', industry: 'Software', company_type: 'Private', founded: '2004',
      revenue_range: '$10M-$50M', size: '51-200', owner: ref(1003), creator: ref(1003), company_stage: ref(31), account_tier: ref(43),
      created_at: t('2024-02-06 17:31:02.125876'), updated_at: t('2024-02-19 12:18:37.904562'),
    },
    {
      id: 2004, name: 'Umbrella Health', domain: 'umbrellahealth.io', website: 'https://umbrellahealth.io', conversational_name: 'Umbrella',
      description: 'Telehealth platform for employers.', city: 'Boston', state: 'MA', country: 'United States', locale: 'US/Eastern', industry: 'Healthcare',
      company_type: 'Private', founded: '2016', revenue_range: '$50M-$100M', size: '201-500', tags: ['partner'],
      custom_fields: { 'Customer Segment': 'Mid-Market', 'Renewal Date': '2025-01-15' }, owner: ref(1002), creator: ref(1002), company_stage: ref(32),
      account_tier: ref(42), created_at: t('2024-01-15 08:45:33.501277'), updated_at: t('2024-03-01 16:22:08.043319'),
    },
    {
      id: 2005, name: 'Stark Logistics', domain: 'starklogistics.com', website: 'https://starklogistics.com', city: 'Chicago', state: 'IL',
      country: 'United States', locale: 'US/Central', industry: 'Logistics', size: '1001-5000', owner: null, creator: ref(1004), company_stage: ref(33),
      archived_at: t('2024-02-14 10:00:00.000000'), created_at: t('2023-11-03 10:12:44.615502'), updated_at: t('2024-02-14 10:00:00.000000'),
    },
  ],
  people: [
    person(3001, 'Olivia', 'Martinez', 'olivia.martinez@northwindtraders.com', 'VP of Sales', 2001, 1002, 22, 131, '2024-01-15 08:46:00.302715', '2024-03-04 11:02:19.330871', {
      phone: '+1 206-555-0142', mobile_phone: '+1 206-555-0199', city: 'Seattle', state: 'WA', country: 'United States', work_city: 'Seattle', work_state: 'WA',
      work_country: 'United States', job_seniority: 'vice_president', locale: 'US/Pacific', locale_utc_offset: -480, crm_id: '0035e00000Xy1AbAAJ',
      crm_object_type: 'contact', crm_url: 'https://na15.salesforce.com/0035e00000Xy1AbAAJ', person_company_name: 'Northwind Traders',
      person_company_website: 'https://www.northwindtraders.com', linkedin_url: 'https://www.linkedin.com/in/olivia-martinez-sales',
      tags: ['dreamforce-2024', 'hot-lead'], custom_fields: { 'Lead Source': 'Dreamforce' }, untouched: false, last_contacted_at: t('2024-03-04 11:02:19.330871'),
      last_contacted_type: 'call', last_contacted_by: ref(1002), last_replied_at: t('2024-03-02 08:14:55.120448'), most_recent_cadence: ref(501),
      last_completed_step: ref(601), last_completed_step_cadence: ref(501),
    }),
    person(3002, 'Ethan', 'Brooks', 'ethan.brooks@northwindtraders.com', 'Director of Operations', 2001, 1002, 21, 131, '2024-01-15 08:46:00.410932', '2024-01-15 08:46:00.410932', {
      phone: '+1 206-555-0163', city: 'Seattle', state: 'WA', country: 'United States', job_seniority: 'director', locale: 'US/Pacific', person_company_name: 'Northwind Traders',
    }),
    person(3003, 'Sofia', 'Rossi', 'sofia.rossi@globex.com', 'Head of Procurement', 2002, 1001, 22, null, '2024-01-22 14:12:40.118340', '2024-02-28 09:40:51.662013', {
      phone: '+1 503-555-0121', city: 'Portland', state: 'OR', country: 'United States', job_seniority: 'director', locale: 'US/Pacific', tags: ['enterprise'],
      custom_fields: { 'Lead Source': 'Website' }, untouched: false, last_contacted_at: t('2024-02-28 09:40:51.662013'), last_contacted_type: 'call',
      last_contacted_by: ref(1001), most_recent_cadence: ref(501),
    }),
    person(3004, 'Liam', "O'Connor", 'liam.oconnor@initech.com', 'CTO', 2003, 1003, 21, 132, '2024-02-06 17:31:05.226310', '2024-02-19 12:18:37.904562', {
      city: 'Austin', state: 'TX', country: 'United States', job_seniority: 'executive', locale: 'US/Central', tags: ['webinar'], most_recent_cadence: ref(502),
      custom_fields: { 'Lead Source': 'Webinar' },
    }),
    person(3005, 'Ava', 'Thompson', 'ava.thompson@initech.com', 'Sales Operations Manager', 2003, 1003, 23, 132, '2024-02-06 17:31:05.331872', '2024-02-26 10:05:12.448190', {
      phone: '+1 512-555-0134', city: 'Austin', state: 'TX', country: 'United States', job_seniority: 'manager', locale: 'US/Central', tags: ['webinar', 'newsletter'],
      untouched: false, most_recent_cadence: ref(502), success_count: 1,
    }),
    person(3006, 'Noah', 'Williams', 'noah.williams@umbrellahealth.io', 'VP Engineering', 2004, 1002, 22, 131, '2024-01-15 08:46:00.519006', '2024-03-01 16:22:08.043319', {
      phone: '+1 617-555-0187', city: 'Boston', state: 'MA', country: 'United States', job_seniority: 'vice_president', locale: 'US/Eastern',
      tags: ['dreamforce-2024', 'hot-lead'], custom_fields: { 'Lead Source': 'Dreamforce', 'Favorite Product': 'Pipeline Insights' }, untouched: false,
      last_contacted_at: t('2024-03-01 16:22:08.043319'), last_contacted_type: 'call', last_contacted_by: ref(1002), most_recent_cadence: ref(501),
    }),
    person(3007, 'Isabella', 'Nguyen', 'isabella.nguyen@umbrellahealth.io', 'Director of IT', 2004, 1002, null, null, '2024-01-29 11:40:18.700215', '2024-02-02 09:12:44.318871', {
      city: 'Boston', state: 'MA', country: 'United States', job_seniority: 'director', do_not_contact: true,
    }),
    person(3008, 'Mason', 'Clark', 'mason.clark@starklogistics.com', 'Logistics Coordinator', 2005, 1004, 23, 131, '2024-01-15 08:46:00.622384', '2024-03-01 07:00:12.501844', {
      phone: '+1 312-555-0110', city: 'Chicago', state: 'IL', country: 'United States', job_seniority: 'individual_contributor', locale: 'US/Central',
    }),
    person(3009, 'Mia', 'Johnson', 'mia.johnson@brightpath.co', 'Marketing Manager', null, 1001, 21, 132, '2024-02-06 17:31:05.440127', '2024-02-06 17:31:05.440127', {
      mobile_phone: '+1 415-555-0156', person_company_name: 'BrightPath', person_company_website: 'https://brightpath.co', job_seniority: 'manager',
      city: 'San Francisco', state: 'CA', country: 'United States', locale: 'US/Pacific', tags: ['newsletter', 'webinar'],
    }),
    person(3010, 'Lucas', 'Fischer', 'lucas.fischer@kontor.de', 'Head of Revenue', null, 1004, 22, null, '2024-02-12 09:05:33.981245', '2024-02-22 13:48:10.276530', {
      person_company_name: 'Kontor GmbH', person_company_website: 'https://kontor.de', city: 'Berlin', country: 'Germany', locale: 'Europe/Berlin',
      locale_utc_offset: 60, eu_resident: true, job_seniority: 'director', bouncing: true, untouched: false,
    }),
    person(3011, 'Charlotte', 'Dubois', 'charlotte.dubois@globex.com', 'Procurement Lead', 2002, 1001, null, null, '2024-02-20 15:22:47.150663', '2024-02-20 15:22:47.150663', {
      phone: '+1 503-555-0148', city: 'Portland', state: 'OR', country: 'United States', job_seniority: 'manager', contact_restrictions: ['call'],
    }),
    person(3012, 'Henry', 'Walker', null, 'Owner', null, 1004, null, null, '2024-02-23 10:30:05.660918', '2024-03-02 10:41:55.215077', {
      phone: '+1 312-555-0188', person_company_name: 'Walker Freight', city: 'Chicago', state: 'IL', country: 'United States', display_name: 'Henry Walker',
      untouched: false, last_contacted_at: t('2024-03-02 10:41:55.215077'), last_contacted_type: 'call', last_contacted_by: ref(1004),
    }),
  ],
  cadence_memberships: [
    { id: 9701, person: ref(3001), cadence: ref(501), user: ref(1002), current_state: 'active', currently_on_cadence: true, added_at: t('2024-02-26 09:00:04.118250'), latest_action: ref(9001), counts: { views: 3, clicks: 1, replies: 1, calls: 1, sent_emails: 1, bounces: 0 }, created_at: t('2024-02-26 09:00:04.118250'), updated_at: t('2024-03-04 11:02:19.330871') },
    { id: 9702, person: ref(3003), cadence: ref(501), user: ref(1001), current_state: 'active', currently_on_cadence: true, added_at: t('2024-02-26 09:00:05.220461'), latest_action: ref(9002), counts: { views: 1, clicks: 0, replies: 0, calls: 1, sent_emails: 1, bounces: 0 }, created_at: t('2024-02-26 09:00:05.220461'), updated_at: t('2024-02-28 09:40:51.662013') },
    { id: 9703, person: ref(3006), cadence: ref(501), user: ref(1002), current_state: 'active', currently_on_cadence: true, added_at: t('2024-02-27 10:15:22.904117'), counts: { views: 2, clicks: 1, replies: 0, calls: 1, sent_emails: 1, bounces: 0 }, created_at: t('2024-02-27 10:15:22.904117'), updated_at: t('2024-03-01 16:22:08.043319') },
    { id: 9704, person: ref(3004), cadence: ref(502), user: ref(1002), current_state: 'scheduled', currently_on_cadence: true, added_at: t('2024-02-19 12:18:37.904562'), latest_action: ref(9003), created_at: t('2024-02-19 12:18:37.904562'), updated_at: t('2024-02-19 12:18:37.904562') },
    { id: 9705, person: ref(3005), cadence: ref(502), user: ref(1003), current_state: 'completed', currently_on_cadence: false, added_at: t('2024-02-07 08:30:00.551203'), counts: { views: 4, clicks: 2, replies: 1, calls: 1, sent_emails: 3, bounces: 0 }, created_at: t('2024-02-07 08:30:00.551203'), updated_at: t('2024-02-26 10:05:12.448190') },
  ],
  actions: [
    { id: 9001, type: 'phone', due: true, due_on: t('2024-03-05 09:00:00.000000'), status: 'in_progress', user: ref(1002), person: ref(3001), cadence: ref(501), step: ref(602), created_at: t('2024-03-04 11:02:20.104417'), updated_at: t('2024-03-04 11:02:20.104417') },
    { id: 9002, type: 'email', due: false, due_on: t('2024-03-08 09:00:00.000000'), status: 'in_progress', user: ref(1001), person: ref(3003), cadence: ref(501), step: ref(603), created_at: t('2024-02-28 09:40:52.002874'), updated_at: t('2024-02-28 09:40:52.002874') },
    { id: 9003, type: 'email', due: true, due_on: t('2024-02-20 09:00:00.000000'), status: 'in_progress', user: ref(1002), person: ref(3004), cadence: ref(502), step: ref(604), created_at: t('2024-02-19 12:18:38.112093'), updated_at: t('2024-02-19 12:18:38.112093') },
    { id: 9004, type: 'phone', due: false, due_on: t('2024-03-01 09:00:00.000000'), status: 'completed', user: ref(1002), person: ref(3006), cadence: ref(501), step: ref(602), created_at: t('2024-02-28 08:00:01.330218'), updated_at: t('2024-03-01 16:22:08.043319') },
  ],
  calls: [
    { id: 4001, to: '+12065550142', duration: 312, disposition: 'Connected', sentiment: 'Positive', user: ref(1002), called_person: ref(3001), cadence: ref(501), step: ref(602), note: ref(7001), crm_activity: ref(9501), recordings: [{ url: 'https://recordings.example.com/4001.mp3', status: 'completed', recording_status: 'completed' }], created_at: t('2024-03-04 11:02:19.330871'), updated_at: t('2024-03-04 11:02:19.330871') },
    { id: 4002, to: '+15035550121', duration: 41, disposition: 'Left Voicemail', sentiment: 'Neutral', user: ref(1001), called_person: ref(3003), cadence: ref(501), step: ref(602), created_at: t('2024-02-28 09:40:51.662013'), updated_at: t('2024-02-28 09:40:51.662013') },
    { id: 4003, to: '+16175550187', duration: 846, disposition: 'Meeting Booked', sentiment: 'Positive', user: ref(1002), called_person: ref(3006), cadence: ref(501), step: ref(602), action: ref(9004), crm_activity: ref(9502), created_at: t('2024-03-01 16:22:08.043319'), updated_at: t('2024-03-01 16:22:08.043319') },
    { id: 4004, to: '+13125550188', duration: 22, disposition: 'No Answer', sentiment: null, user: ref(1004), called_person: ref(3012), created_at: t('2024-03-02 10:41:55.215077'), updated_at: t('2024-03-02 10:41:55.215077') },
  ],
  call_data_records: [
    { id: 5001, to: '+12065550142', from: '+16465550100', duration: 312, direction: 'outbound', status: 'completed', call_uuid: '5c5c1f32-bff1-4b7c-8f2a-bd650b829c67', call: ref(4001), called_person: ref(3001), user: ref(1002), recording: { url: 'https://recordings.example.com/4001.mp3', status: 'completed', recording_status: 'completed' }, created_at: t('2024-03-04 10:56:59.004211'), updated_at: t('2024-03-04 11:02:19.330871') },
    { id: 5002, to: '+15035550121', from: '+16465550101', duration: 41, direction: 'outbound', status: 'completed', call_uuid: '8e1d2a44-05c9-4f61-9a3e-6b7c8d9e0f12', call: ref(4002), called_person: ref(3003), user: ref(1001), created_at: t('2024-02-28 09:40:02.330981'), updated_at: t('2024-02-28 09:40:51.662013') },
    { id: 5003, to: '+16175550187', from: '+16465550100', duration: 846, direction: 'outbound', status: 'completed', call_uuid: 'a3f9c7e1-2b4d-4e6f-8a1c-3d5e7f9b1c24', call: ref(4003), called_person: ref(3006), user: ref(1002), created_at: t('2024-03-01 16:07:58.511740'), updated_at: t('2024-03-01 16:22:08.043319') },
    { id: 5004, to: '+13125550188', from: '+442075550104', duration: 22, direction: 'outbound', status: 'no-answer', call_uuid: 'f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f', call: ref(4004), called_person: ref(3012), user: ref(1004), created_at: t('2024-03-02 10:41:31.880126'), updated_at: t('2024-03-02 10:41:55.215077') },
    { id: 5005, to: '+12065550163', from: '+16465550100', duration: 95, direction: 'outbound', status: 'completed', call_uuid: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081', call: null, called_person: ref(3002), user: ref(1002), created_at: t('2024-03-05 14:20:11.402987'), updated_at: t('2024-03-05 14:21:46.009312') },
    { id: 5006, to: '+16465550101', from: '+14155550156', duration: 187, direction: 'inbound', status: 'completed', call_uuid: '2c3d4e5f-6071-4829-8b3c-4d5e6f708192', call: null, called_person: ref(3009), user: ref(1001), created_at: t('2024-03-06 09:12:40.774510'), updated_at: t('2024-03-06 09:15:47.120036') },
    { id: 5007, to: '+16465550100', from: '+17735550177', duration: 12, direction: 'inbound', status: 'completed', call_uuid: '3d4e5f60-7182-493a-9c4d-5e6f708192a3', call: null, called_person: null, user: ref(1002), created_at: t('2024-03-06 15:02:09.300871'), updated_at: t('2024-03-06 15:02:21.662914') },
  ],
  emails: [
    { id: 6001, recipient: ref(3001), recipient_email_address: 'olivia.martinez@northwindtraders.com', subject: "Quick question about Northwind's pipeline reviews", status: 'sent', sent_at: t('2024-02-26 09:05:12.300114'), user: ref(1002), cadence: ref(501), step: ref(601), personalization: '38.2', counts: { clicks: 1, views: 3, replies: 1, unique_devices: 2, unique_locations: 1, attachments: 0 }, created_at: t('2024-02-26 09:00:06.004312'), updated_at: t('2024-03-02 08:14:55.120448') },
    { id: 6002, recipient: ref(3003), recipient_email_address: 'sofia.rossi@globex.com', subject: 'Globex + Northbeam: forecasting for procurement', status: 'sent', sent_at: t('2024-02-26 09:05:14.411502'), user: ref(1001), cadence: ref(501), step: ref(601), personalization: '21.0', counts: { clicks: 0, views: 1, replies: 0, unique_devices: 1, unique_locations: 1, attachments: 0 }, created_at: t('2024-02-26 09:00:06.118870'), updated_at: t('2024-02-27 07:51:30.552019') },
    { id: 6003, recipient: ref(3006), recipient_email_address: 'noah.williams@umbrellahealth.io', subject: 'Engineering metrics for Umbrella Health', status: 'sent', sent_at: t('2024-02-27 10:20:40.902233'), user: ref(1002), cadence: ref(501), step: ref(601), personalization: '44.7', counts: { clicks: 1, views: 2, replies: 0, unique_devices: 1, unique_locations: 1, attachments: 1 }, created_at: t('2024-02-27 10:15:23.330412'), updated_at: t('2024-02-28 13:02:11.008734') },
    { id: 6004, recipient: ref(3004), recipient_email_address: 'liam.oconnor@initech.com', subject: 'Recap: Northbeam demo for Initech', status: 'scheduled', sent_at: null, send_after: t('2024-03-11 09:00:00.000000'), user: ref(1002), cadence: ref(502), step: ref(604), created_at: t('2024-02-19 12:18:38.220514'), updated_at: t('2024-02-19 12:18:38.220514') },
    { id: 6005, recipient: ref(3010), recipient_email_address: 'lucas.fischer@kontor.de', subject: 'Revenue analytics for Kontor', status: 'sent', bounced: true, sent_at: t('2024-02-22 13:45:02.117640'), user: ref(1004), error_message: '550 5.1.1 mailbox unavailable', created_at: t('2024-02-22 13:44:58.550912'), updated_at: t('2024-02-22 13:48:10.276530') },
  ],
  notes: [
    { id: 7001, content: 'Olivia is reviewing vendors in Q2 and wants a demo with her RevOps lead.', associated_type: 'person', associated_with: ref(3001), call: ref(4001), user: ref(1002), created_at: t('2024-03-04 11:03:40.118204'), updated_at: t('2024-03-04 11:03:40.118204') },
    { id: 7002, content: 'Renewal conversation planned for October; expansion to the EU warehouse team is likely.', associated_type: 'account', associated_with: ref(2001), user: ref(1002), created_at: t('2024-02-15 15:30:12.660391'), updated_at: t('2024-02-15 15:30:12.660391') },
    { id: 7003, content: 'Prefers email. Procurement cycle is about six weeks.', associated_type: 'person', associated_with: ref(3003), user: ref(1001), created_at: t('2024-02-28 09:45:02.903317'), updated_at: t('2024-02-28 09:45:02.903317') },
  ],
  tasks: [
    { id: 8001, subject: 'Call Olivia to schedule the RevOps demo', task_type: 'call', current_state: 'scheduled', due_date: '2024-03-12', due_at: t('2024-03-12 10:00:00.000000'), person: ref(3001), user: ref(1002), created_by_user: ref(1002), created_at: t('2024-03-04 11:04:10.220871'), updated_at: t('2024-03-04 11:04:10.220871') },
    { id: 8002, subject: 'Send Globex the manufacturing case study', task_type: 'email', current_state: 'scheduled', due_date: '2024-03-15', person: ref(3003), user: ref(1001), created_by_user: ref(1001), created_at: t('2024-02-28 09:46:30.007215'), updated_at: t('2024-02-28 09:46:30.007215') },
    { id: 8003, subject: 'Prepare the security questionnaire for Umbrella Health', task_type: 'general', current_state: 'completed', due_date: '2024-03-08', description: 'Sent to Noah with SOC 2 report.', completed_at: t('2024-03-07 17:20:44.501382'), completed_by: ref(1002), person: ref(3006), user: ref(1002), created_by_user: ref(1001), created_at: t('2024-03-01 16:25:00.330127'), updated_at: t('2024-03-07 17:20:44.501382') },
    { id: 8004, subject: 'Reach Henry Walker by phone', task_type: 'call', current_state: 'scheduled', due_date: '2024-03-20', remind_at: t('2024-03-20 08:30:00.000000'), person: ref(3012), user: ref(1004), created_by_user: ref(1004), created_at: t('2024-03-02 10:43:12.118960'), updated_at: t('2024-03-02 10:43:12.118960') },
  ],
  crm_activities: [
    { id: 9501, subject: 'Call: Connected | Positive', description: 'Discussed Q2 vendor review; demo requested.', activity_type: 'phone', crm_id: '00T5e00000Qw3RtEAJ', custom_crm_fields: { Call_Type__c: 'Demo', Call_Outcome__c: 'Interested' }, person: ref(3001), user: ref(1002), created_at: t('2024-03-04 11:02:20.551873'), updated_at: t('2024-03-04 11:02:31.004216') },
    { id: 9502, subject: 'Call: Meeting Booked | Positive', activity_type: 'phone', crm_id: '00T5e00000Qw4SuFAK', custom_crm_fields: { Call_Type__c: 'Follow-up' }, person: ref(3006), user: ref(1002), created_at: t('2024-03-01 16:22:09.110542'), updated_at: t('2024-03-01 16:22:19.402738') },
    { id: 9503, subject: "Email: Quick question about Northwind's pipeline reviews", activity_type: 'email', crm_id: null, custom_crm_fields: {}, error: 'Could not find a CRM account link.', person: ref(3001), user: ref(1002), created_at: t('2024-02-26 09:05:13.002219'), updated_at: t('2024-02-26 09:05:20.330914') },
  ],
  bulk_jobs: [
    { id: 301, name: 'Nightly CRM sync 2024-03-01', type: 'person/upsert', state: 'done', ready_to_execute: true, total: 3, processed: 3, errors: 1, scopes: ['person:set_crm_id'], marked_ready_at: t('2024-03-01 07:00:05.114203'), started_at: t('2024-03-01 07:00:05.220318'), finished_at: t('2024-03-01 07:00:12.501844'), created_at: t('2024-03-01 07:00:00.900417'), updated_at: t('2024-03-01 07:00:12.501844') },
  ],
  bulk_job_results: [
    { id: 70001, bulk_job: ref(301), status: 'success', error: null, record: { upsert_key: 'email_address', email_address: 'olivia.martinez@northwindtraders.com', title: 'VP of Sales' }, resource: { upsert_type: 'update', person: { id: 3001, display_name: 'Olivia Martinez', email_address: 'olivia.martinez@northwindtraders.com' } } },
    { id: 70002, bulk_job: ref(301), status: 'success', error: null, record: { upsert_key: 'email_address', email_address: 'mason.clark@starklogistics.com', title: 'Logistics Coordinator' }, resource: { upsert_type: 'update', person: { id: 3008, display_name: 'Mason Clark', email_address: 'mason.clark@starklogistics.com' } } },
    { id: 70003, bulk_job: ref(301), status: 'error', error: "email_address can't be blank when upsert_key is email_address", record: { upsert_key: 'email_address', first_name: 'Jamie' }, resource: null },
  ],
};

// The current API's new resources (seed-current.ts), the newest resources (seed-newest.ts) and the records the
// operations' sample inputs name (seed-samples.ts), appended to the default seed.
for (const extra of [currentApiRecords, newestApiRecords, sampleRecords]) {
  for (const [name, records] of Object.entries(extra) as Array<[keyof SandboxSeed, unknown[]]>) {
    (defaultSeed as Record<string, unknown>)[name] = [...((defaultSeed[name] as unknown[] | undefined) ?? []), ...records];
  }
}
