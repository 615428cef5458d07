// DDL modules, rule by rule: the texts built for records that have no name (never "undefined" or
// "null", whatever part is missing), the lists valued by something other than the id, the static
// lists, and the filters each DDL sends. The table-driven sample tests cover the common paths.

import nock from 'nock';
import { createConnector } from '../connector/index.js';
import type { ApiRecord, Choice, DdlOperation } from '../connector/operation.js';
import { recordRequests, registry, type SentRequest } from './support.js';

const connector = createConnector({ accessToken: 't', retries: 0 });

const ddl = (name: string): DdlOperation => {
  const operation = registry.get(name)?.operation;
  if (operation?.kind !== 'ddl') throw new Error(`${name} is not a DDL`);
  return operation;
};

const choose = (name: string, record: ApiRecord): Choice | undefined => ddl(name).choice?.(record);
const textOf = (name: string, record: ApiRecord): string | undefined => choose(name, record)?.text;

/** Every record from `full` with one part, then all parts but the id, set to null (and then absent). */
const withPartsMissing = (full: ApiRecord): ApiRecord[] => {
  const parts = Object.keys(full).filter((key) => key !== 'id');
  const nulled = (keys: string[]) => ({ ...full, ...Object.fromEntries(keys.map((key) => [key, null])) });
  const dropped = (keys: string[]) => Object.fromEntries(Object.entries(full).filter(([key]) => !keys.includes(key)));
  return [...parts.map((key) => nulled([key])), ...parts.map((key) => dropped([key])), nulled(parts), dropped(parts), { ...nulled(parts), cadence: {}, person: {} }];
};

/** Answers each list request with `pages[n]` (the last one repeated) and records the requests. */
const answer = (...pages: ApiRecord[][]): (() => Array<Omit<SentRequest, 'headers'>>) => {
  let count = 0;
  const sent = recordRequests(() => {
    const data = pages[Math.min(count++, pages.length - 1)];
    return [200, { metadata: { filtering: {}, paging: { per_page: 100, current_page: 1, next_page: null, prev_page: null }, sorting: {} }, data }];
  });
  return () => sent.map(({ headers: _headers, ...request }) => request);
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

// ---- texts of records without a name ------------------------------------------------------------

const composites: Array<[string, ApiRecord, string]> = [
  [
    'list_actions_ddl',
    { id: 31, type: 'phone', due_on: '2024-05-01T09:00:00.000000-04:00', person: { id: 12, _href: 'https://api.salesloft.com/v2/people/12' } },
    'Phone action due 2024-05-01 (person 12)',
  ],
  ['list_cadence_memberships_ddl', { id: 8, cadence: { id: 5 }, person: { id: 9 }, current_state: 'active' }, 'Cadence 5 – Person 9 (active)'],
  [
    'list_call_data_records_ddl',
    { id: 90, direction: 'outbound', from: '+15557654321', to: '+15551234567', created_at: '2024-05-01T14:32:10.000000-04:00' },
    'Outbound call to +15551234567 on 2024-05-01 14:32',
  ],
  [
    'list_unlinked_call_data_records_ddl',
    { id: 91, direction: 'inbound', from: '+15559876543', to: '+15557654321', created_at: '2024-05-02T09:05:47Z' },
    'Inbound call from +15559876543 on 2024-05-02 09:05',
  ],
  [
    'list_calls_ddl',
    { id: 70, to: '+15551234567', created_at: '2024-05-01T14:32:10.000000-04:00', disposition: 'Interested' },
    'Call to +15551234567 on 2024-05-01 14:32 – Interested',
  ],
  ['list_emails_ddl', { id: 44, subject: 'Quick question', recipient_email_address: 'jane@acme.com', sent_at: '2024-05-01T08:15:00Z' }, 'Quick question'],
  ['list_notes_ddl', { id: 92, content: 'Send pricing sheet' }, 'Send pricing sheet'],
  ['list_tasks_ddl', { id: 51, subject: 'Call back Jane', due_date: '2024-05-01', due_at: '2024-05-01T13:00:00Z' }, 'Call back Jane (due 2024-05-01)'],
  ['list_bulk_jobs_ddl', { id: 13, name: 'Nightly sync', type: 'person/upsert' }, 'Nightly sync'],
  ['list_crm_activities_ddl', { id: 601, subject: 'Follow-up on proposal' }, 'Follow-up on proposal'],
];

describe.each(composites)('%s text', (name, full, expected) => {
  test('is built from every part when all exist', () => {
    expect(choose(name, full)).toEqual({ text: expected, value: full.id });
  });

  test('never says undefined or null, and is never empty, whatever part is missing', () => {
    for (const record of withPartsMissing(full)) {
      const text = textOf(name, record);
      expect([record, text]).toEqual([record, expect.any(String)]);
      expect([record, text]).not.toEqual([record, expect.stringMatching(/undefined|null|NaN|\[object|^\s*$/)]);
    }
  });
});

describe('texts with parts missing', () => {
  test('actions: type, due date and person each optional', () => {
    expect(textOf('list_actions_ddl', { id: 31, type: 'email', due_on: null, person: { id: 12 } })).toBe('Email action (person 12)');
    expect(textOf('list_actions_ddl', { id: 31, type: null, due_on: '2024-05-01', person: null })).toBe('Action due 2024-05-01');
    expect(textOf('list_actions_ddl', { id: 31 })).toBe('Action #31');
  });

  test('cadence memberships: cadence, person and state each optional', () => {
    expect(textOf('list_cadence_memberships_ddl', { id: 8, cadence: null, person: { id: 9 }, current_state: 'paused' })).toBe('Person 9 (paused)');
    expect(textOf('list_cadence_memberships_ddl', { id: 8, cadence: { id: 5 }, person: { id: 9 } })).toBe('Cadence 5 – Person 9');
    expect(textOf('list_cadence_memberships_ddl', { id: 8, current_state: 'finished' })).toBe('Cadence membership #8 (finished)');
  });

  test('call data records: the other party falls back to the number that exists', () => {
    expect(textOf('list_call_data_records_ddl', { id: 90, direction: 'outbound', to: null, from: '+1555' })).toBe('Outbound call to +1555');
    expect(textOf('list_call_data_records_ddl', { id: 90, direction: 'inbound', from: null, to: '+1555' })).toBe('Inbound call from +1555');
    expect(textOf('list_call_data_records_ddl', { id: 90, to: '+1555', created_at: '2024-05-01T14:32:10Z' })).toBe('Call to +1555 on 2024-05-01 14:32');
    expect(textOf('list_call_data_records_ddl', { id: 90, direction: 'outbound' })).toBe('Outbound call #90');
    expect(textOf('list_call_data_records_ddl', { id: 90 })).toBe('Call #90');
  });

  test('call data records and unlinked call data records share one text rule', () => {
    expect(ddl('list_unlinked_call_data_records_ddl').choice).toBe(ddl('list_call_data_records_ddl').choice);
  });

  test('calls: number, time and disposition each optional', () => {
    expect(textOf('list_calls_ddl', { id: 70, to: null, created_at: '2024-05-01T14:32:10Z', disposition: null })).toBe('Call on 2024-05-01 14:32');
    expect(textOf('list_calls_ddl', { id: 70, disposition: 'No Answer' })).toBe('Call #70 – No Answer');
  });

  test('emails: without a subject (no email_contents:read scope), the recipient and sent time', () => {
    expect(textOf('list_emails_ddl', { id: 44, subject: null, recipient_email_address: 'bob@globex.io', sent_at: '2024-05-02T10:30:00Z' })).toBe(
      'Email to bob@globex.io on 2024-05-02 10:30',
    );
    expect(textOf('list_emails_ddl', { id: 44, subject: '', recipient_email_address: 'bob@globex.io', sent_at: null })).toBe('Email to bob@globex.io');
    expect(textOf('list_emails_ddl', { id: 44 })).toBe('Email #44');
  });

  test('notes: content on one line, cut to 50 characters', () => {
    const content = 'Spoke with Jane about the Q2 rollout.\n\nShe wants a demo for the whole team next week.';
    const text = textOf('list_notes_ddl', { id: 91, content }) as string;
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text).toBe('Spoke with Jane about the Q2 rollout. She wants a…');
    expect(textOf('list_notes_ddl', { id: 91, content: '   ' })).toBe('Note #91');
    expect(textOf('list_notes_ddl', { id: 91, content: null })).toBe('Note #91');
  });

  test('tasks: the due date from due_date, else due_at', () => {
    expect(textOf('list_tasks_ddl', { id: 51, subject: 'Call back Jane', due_date: null, due_at: '2024-05-03T13:00:00Z' })).toBe('Call back Jane (due 2024-05-03)');
    expect(textOf('list_tasks_ddl', { id: 51, subject: 'Call back Jane' })).toBe('Call back Jane');
    expect(textOf('list_tasks_ddl', { id: 51, subject: null, due_date: '2024-05-01' })).toBe('Task due 2024-05-01');
    expect(textOf('list_tasks_ddl', { id: 51 })).toBe('Task #51');
  });

  test('bulk jobs: the name, else the type and id', () => {
    expect(textOf('list_bulk_jobs_ddl', { id: 13, name: null, type: 'person/upsert' })).toBe('person/upsert #13');
    expect(textOf('list_bulk_jobs_ddl', { id: 13, name: '', type: null })).toBe('Bulk job #13');
  });

  test('accounts, steps and CRM activities fall back to what exists', () => {
    expect(textOf('list_accounts_ddl', { id: 501, name: 'Acme', domain: 'acme.com' })).toBe('Acme (acme.com)');
    expect(textOf('list_accounts_ddl', { id: 501, name: 'Acme', domain: null })).toBe('Acme');
    expect(textOf('list_accounts_ddl', { id: 501, name: null, domain: 'acme.com' })).toBe('acme.com');
    expect(textOf('list_steps_ddl', { id: 70, display_name: 'Day 1: Intro call (Phone)', name: 'Intro call' })).toBe('Day 1: Intro call (Phone)');
    expect(textOf('list_steps_ddl', { id: 70, display_name: null, name: 'Intro call' })).toBe('Intro call');
    expect(textOf('list_crm_activities_ddl', { id: 601, subject: null })).toBe('CRM activity #601');
  });

  test('records without an id are left out rather than shown as "#undefined"', () => {
    for (const [name] of composites) {
      expect([name, choose(name, { name: 'x', subject: 'x', content: 'x' })]).toEqual([name, undefined]);
    }
  });
});

// ---- values other than the id --------------------------------------------------------------------

describe('lists valued by something other than the id', () => {
  test.each(['list_call_dispositions_ddl', 'list_call_sentiments_ddl', 'list_tags_values_ddl', 'list_custom_fields_value_ddl'])(
    '%s is valued by the name, and leaves out records without one',
    (name) => {
      expect(choose(name, { id: 4, name: 'Left Voicemail' })).toEqual({ text: 'Left Voicemail', value: 'Left Voicemail' });
      expect(choose(name, { id: 4, name: null })).toBeUndefined();
      expect(choose(name, { id: 4, name: '' })).toBeUndefined();
    },
  );

  test('users guid is valued by the guid', () => {
    expect(choose('list_users_guid_ddl', { id: 7, name: 'Jane Doe', guid: 'usr_2b3c' })).toEqual({ text: 'Jane Doe', value: 'usr_2b3c' });
    expect(choose('list_users_guid_ddl', { id: 7, name: null, email: 'jane@acme.com', guid: 'usr_2b3c' })).toEqual({ text: 'jane@acme.com', value: 'usr_2b3c' });
    expect(choose('list_users_guid_ddl', { id: 7, name: 'Jane Doe', guid: null })).toBeUndefined();
  });

  test('crm activity fields are valued by the CRM field name, titled by their title', () => {
    expect(choose('list_crm_activity_fields_ddl', { id: 21, field: 'Call_Result__c', title: 'Call Result' })).toEqual({ text: 'Call Result', value: 'Call_Result__c' });
    expect(choose('list_crm_activity_fields_ddl', { id: 21, field: 'Call_Result__c', title: null })).toEqual({ text: 'Call_Result__c', value: 'Call_Result__c' });
    expect(choose('list_crm_activity_fields_ddl', { id: 21, field: null, title: 'Call Result' })).toBeUndefined();
  });

  test('users role id gives each role once, valued by the role id as a string', async () => {
    const user = (id: number, role: unknown) => ({ id, name: `User ${id}`, guid: `g${id}`, role });
    const sent = answer([
      user(1, { id: 'Admin' }),
      user(2, { id: 'User' }),
      user(3, { id: 'Admin', _href: null }),
      user(4, { id: 123456 }),
      user(5, { id: '123456' }),
      user(6, null),
      user(7, { id: null }),
      user(8, {}),
    ]);
    await expect(connector.run('list_users_role_id_ddl', {})).resolves.toEqual({
      result: [
        { text: '123456', value: '123456' },
        { text: 'Admin', value: 'Admin' },
        { text: 'User', value: 'User' },
      ],
    });
    expect(sent()).toEqual([{ method: 'GET', path: '/v2/users', query: { per_page: '100', page: '1' }, body: null }]);
  });

  test('users role id searches the role texts, not the users (SalesLoft searches names and emails)', async () => {
    const sent = answer([
      { id: 1, name: 'Ada', role: { id: 'Admin' } },
      { id: 2, name: 'Bob', role: { id: 'User' } },
    ]);
    await expect(connector.run('list_users_role_id_ddl', { search: 'adm' })).resolves.toEqual({ result: [{ text: 'Admin', value: 'Admin' }] });
    expect(sent()[0].query).toEqual({ per_page: '100', page: '1' });
  });
});

// ---- static lists ---------------------------------------------------------------------------------

describe('static lists', () => {
  test('accounts or people is exactly Account and Person, and sends nothing', async () => {
    const sent = answer([]);
    await expect(connector.run('list_accounts_or_people_ddl', {})).resolves.toEqual({
      result: [
        { text: 'Account', value: 'account' },
        { text: 'Person', value: 'person' },
      ],
    });
    expect(sent()).toEqual([]);
  });

  test('locales are time zone names, with the US/* names SalesLoft uses, each once', async () => {
    const sent = answer([]);
    const { result } = (await connector.run('list_locales_ddl', {})) as { result: Choice[] };
    expect(sent()).toEqual([]);
    const values = result.map((choice) => choice.value);
    for (const zone of ['US/Eastern', 'US/Central', 'US/Mountain', 'US/Pacific', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'UTC']) {
      expect(values).toContain(zone);
    }
    expect(new Set(values).size).toBe(values.length);
    for (const choice of result) expect(choice.text).toBe(choice.value);
  });

  test('locales can be searched', async () => {
    const { result } = (await connector.run('list_locales_ddl', { search: 'us/east' })) as { result: Choice[] };
    expect(result).toEqual([{ text: 'US/East-Indiana', value: 'US/East-Indiana' }, { text: 'US/Eastern', value: 'US/Eastern' }]);
  });
});

// ---- what each DDL sends --------------------------------------------------------------------------

describe('requests', () => {
  test('steps pass the chosen cadence as cadence_id', async () => {
    const sent = answer([{ id: 70, display_name: 'Day 1: Intro call (Phone)', cadence: { id: 5 } }]);
    await expect(connector.run('list_steps_ddl', { cadence_id: '5' })).resolves.toEqual({ result: [{ text: 'Day 1: Intro call (Phone)', value: 70 }] });
    expect(sent()).toEqual([{ method: 'GET', path: '/v2/steps', query: { cadence_id: '5', per_page: '100', page: '1' }, body: null }]);
  });

  test('steps without a cadence list every step', async () => {
    const sent = answer([]);
    await connector.run('list_steps_ddl', {});
    expect(sent()[0].query).toEqual({ per_page: '100', page: '1' });
  });

  test('the step lookup of list_steps_ddl is the cadences DDL', () => {
    const schema = registry.get('list_steps_ddl')?.inputSchema as { properties: Record<string, { lookup?: unknown }> };
    expect(schema.properties.cadence_id.lookup).toEqual({ operation: 'list_cadences_ddl', input: {} });
  });

  test('unlinked call data records send has_call=false', async () => {
    const sent = answer([{ id: 91, direction: 'inbound', from: '+1555', call: null }]);
    await expect(connector.run('list_unlinked_call_data_records_ddl', {})).resolves.toEqual({ result: [{ text: 'Inbound call from +1555', value: 91 }] });
    expect(sent()).toEqual([{ method: 'GET', path: '/v2/call_data_records', query: { has_call: 'false', per_page: '100', page: '1' }, body: null }]);
  });

  test('call data records send no has_call filter', async () => {
    const sent = answer([]);
    await connector.run('list_call_data_records_ddl', {});
    expect(sent()[0].query).toEqual({ per_page: '100', page: '1' });
  });

  test.each(['list_users_filter_owners_ddl', 'list_users_guid_ddl'])('%s sends the search to SalesLoft as `search`', async (name) => {
    const sent = answer([{ id: 1, name: 'Jane Doe', email: 'jane@acme.com', guid: 'g1' }]);
    const { result } = (await connector.runByName(name, { search: 'jane' })) as { result: Choice[] };
    expect(result.map((choice) => choice.text)).toContain('Jane Doe');
    expect(sent()).toEqual([{ method: 'GET', path: '/v2/users', query: { search: 'jane', per_page: '100', page: '1' }, body: null }]);
  });

  test('users search is SalesLoft\'s: a user matched by email is kept though the name does not contain the search', async () => {
    answer([{ id: 1, name: 'Jane Doe', email: 'jdoe@acme.com', guid: 'g1' }]);
    await expect(connector.run('list_users_guid_ddl', { search: 'acme' })).resolves.toEqual({ result: [{ text: 'Jane Doe', value: 'g1' }] });
  });

  test.each(['list_tags_ddl', 'list_tags_values_ddl'])('%s sends the search to SalesLoft as `search`', async (name) => {
    const sent = answer([{ id: 4, name: 'New Lead' }]);
    await connector.runByName(name, { search: 'lead' });
    expect(sent()[0]).toEqual({ method: 'GET', path: '/v2/tags', query: { search: 'lead', per_page: '100', page: '1' }, body: null });
  });

  test('custom fields send field_type; crm activity fields send source; cadences send people_addable', async () => {
    const sent = answer([]);
    await connector.run('list_custom_fields_ddl', { field_type: 'company' });
    await connector.run('list_custom_fields_value_ddl', { field_type: 'opportunity' });
    await connector.run('list_crm_activity_fields_ddl', { source: 'email' });
    await connector.run('list_cadences_ddl', { people_addable: true });
    expect(sent().map(({ path, query }) => [path, query])).toEqual([
      ['/v2/custom_fields', { field_type: 'company', per_page: '100', page: '1' }],
      ['/v2/custom_fields', { field_type: 'opportunity', per_page: '100', page: '1' }],
      ['/v2/crm_activity_fields', { source: 'email', per_page: '100', page: '1' }],
      ['/v2/cadences', { people_addable: 'true', per_page: '100', page: '1' }],
    ]);
  });

  test('groups are fetched in one unpaged request', async () => {
    const sent = answer([{ id: 61, name: 'East Sales' }]);
    await expect(connector.run('list_groups_ddl', {})).resolves.toEqual({ result: [{ text: 'East Sales', value: 61 }] });
    expect(sent()).toEqual([{ method: 'GET', path: '/v2/groups', query: {}, body: null }]);
  });

  test('bulk jobs page with the id[gt] cursor, never with page', async () => {
    const full = Array.from({ length: 100 }, (_, n) => ({ id: n + 1, name: null, type: 'person/upsert' }));
    const sent = answer(full, [{ id: 101, name: 'Last job', type: 'person/upsert' }]);
    const { result } = (await connector.run('list_bulk_jobs_ddl', {})) as { result: Choice[] };
    expect(result).toHaveLength(101);
    expect(sent().map(({ query }) => query)).toEqual([{ per_page: '100' }, { per_page: '100', 'id[gt]': '100' }]);
  });
});

// ---- filter variants ------------------------------------------------------------------------------

describe('filter variants', () => {
  test('account stages filter adds "No stage" (_is_null) among the stages', async () => {
    answer([
      { id: 2, name: 'Opportunity' },
      { id: 1, name: 'Prospect' },
    ]);
    await expect(connector.run('list_account_stages_filter_ddl', {})).resolves.toEqual({
      result: [
        { text: 'No stage', value: '_is_null' },
        { text: 'Opportunity', value: 2 },
        { text: 'Prospect', value: 1 },
      ],
    });
  });

  test('the plain account stages list has no "No stage"', async () => {
    answer([{ id: 1, name: 'Prospect' }]);
    await expect(connector.run('list_account_stages_ddl', {})).resolves.toEqual({ result: [{ text: 'Prospect', value: 1 }] });
  });

  test('users filter owners adds "Unowned" (_is_null) among the users', async () => {
    const sent = answer([{ id: 12345, name: 'John Smith' }]);
    await expect(connector.run('list_users_filter_owners_ddl', {})).resolves.toEqual({
      result: [
        { text: 'John Smith', value: 12345 },
        { text: 'Unowned', value: '_is_null' },
      ],
    });
    expect(sent()[0].query).toEqual({ per_page: '100', page: '1' });
  });
});
