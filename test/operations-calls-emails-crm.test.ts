// Calls, call data records, caller ids, emails, CRM activities, custom fields and actions: the exact
// requests these operations send, the outputs they accept (seed samples and real responses), their
// quirks, and one invalid input per operation refused before anything is sent.

import nock from 'nock';
import { ApiError, createConnector, InputError } from '../connector/index.js';
import { registry, sample as sampleFile, type SentRequest, expectRefused, realResponse, schemaProblems, answerOnce } from './support.js';

const connector = createConnector({ accessToken: 'calls-emails-crm-token', retries: 0 });

type Json = Record<string, unknown>;
type Sent = Omit<SentRequest, 'headers'>;

const sample = <T = Json>(name: string, file: 'input' | 'output' | 'request'): T => sampleFile(name, `${file}.json`) as T;

/** Answers every request with `status`/`reply`; the returned function gives the one request sent (without headers). */
const answer = (status: number, reply?: unknown): (() => Sent | undefined) => {
  const seen = answerOnce(status, reply);
  return () => {
    const request = seen();
    if (!request) return undefined;
    const { headers, ...rest } = request;
    void headers;
    return rest;
  };
};

const refused = (name: string, input: Json): Promise<InputError> => expectRefused(connector, name, input);
const refusedAt = async (name: string, input: Json, path: string): Promise<string> => {
  const problems = (await refused(name, input)).problems;
  const problem = problems.find((p) => p.path === path);
  if (!problem) throw new Error(`${name}: expected a problem at ${path}, got ${JSON.stringify(problems)}`);
  return problem.message;
};


const inputSchema = (name: string): Json => registry.get(name)!.inputSchema;
const props = (schema: Json): Record<string, Json> => schema.properties as Record<string, Json>;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

// ---- calls ----------------------------------------------------------------------------------------

describe('create_call', () => {
  const created = { data: { id: 901, disposition: 'Connected', sentiment: 'Interested', called_person: { id: 12345, _href: null } } };

  test('sends the call as the JSON body: disposition and sentiment by name, crm_params keyed by CRM field', async () => {
    const sent = answer(200, created);
    const fields = {
      person_id: '12345',
      disposition: 'Connected',
      sentiment: 'Interested',
      crm_params: { Call_Outcome__c: 'Successful', Follow_Up__c: true },
      linked_call_data_record_ids: [9101, '9102'],
      task_id: 77,
    };
    await expect(connector.run('create_call', { fields })).resolves.toEqual(created);
    expect(sent()).toEqual({ method: 'POST', path: '/v2/activities/calls', query: {}, body: fields });
  });

  test('requires person_id (nothing sent)', async () => {
    expect(await refusedAt('create_call', { fields: { to: '+14155550123', disposition: 'Connected' } }, 'fields.person_id')).toBe('is required');
  });

  test('refuses action_id and task_id together, in the schema (`not`), saying why', async () => {
    const message = await refusedAt('create_call', { fields: { person_id: 1, action_id: 2, task_id: 3 } }, 'fields');
    expect(message).toMatch(/action_id/);
    expect(message).toMatch(/task_id/);
    const fields = props(inputSchema('create_call')).fields;
    expect(JSON.stringify(fields.allOf)).toContain('"not"');
  });

  test('declares the lookups: dispositions and sentiments by name, CRM field keys, unlinked call data records', async () => {
    const fields = props(props(inputSchema('create_call')).fields);
    expect(fields.person_id.lookup).toEqual({ operation: 'list_people_ddl', input: {} });
    expect(fields.disposition.lookup).toEqual({ operation: 'list_call_dispositions_ddl', input: {} });
    expect(fields.sentiment.lookup).toEqual({ operation: 'list_call_sentiments_ddl', input: {} });
    expect(fields.disposition.type).toBe('string');
    expect(fields.sentiment.type).toBe('string');
    expect((fields.crm_params.propertyNames as Json).lookup).toEqual({ operation: 'list_crm_activity_fields_ddl', input: { source: 'phone' } });
    expect((fields.linked_call_data_record_ids.items as Json).lookup).toEqual({ operation: 'list_unlinked_call_data_records_ddl', input: {} });
    expect(fields.action_id.lookup).toEqual({ operation: 'list_actions_ddl', input: {} });
    expect(fields.task_id.lookup).toEqual({ operation: 'list_tasks_ddl', input: {} });
    expect(fields.user_guid.lookup).toEqual({ operation: 'list_users_guid_ddl', input: {} });
  });

  test('refuses a crm_params value that is not a plain value, and a disposition id instead of a name', async () => {
    await refusedAt('create_call', { fields: { person_id: 1, crm_params: { Call_Outcome__c: { label: 'x' } } } }, 'fields.crm_params.Call_Outcome__c');
    await refusedAt('create_call', { fields: { person_id: 1, disposition: 3 } }, 'fields.disposition');
  });
});

describe('get_call', () => {
  test('fills {call_id} from the seed input', async () => {
    const sent = answer(200, sample('get_call', 'output'));
    await connector.run('get_call', sample('get_call', 'input'));
    expect(sent()).toEqual({ method: 'GET', path: '/v2/activities/calls/12345', query: {}, body: null });
  });

  test('refuses a call id that is not a record id', async () => {
    await refusedAt('get_call', { call_id: '12/../x' }, 'call_id');
  });
});

describe('list_calls', () => {
  test('sends ids, guid, person, sentiment and disposition filters as key[] and ranges as key[gte]', async () => {
    const sent = answer(200, { metadata: {}, data: [] });
    await connector.run('list_calls', {
      call_ids: [1, 2],
      user_guid: ['0863ed13-7120-479b-8650-206a3679e2fb'],
      person_id: [12345],
      sentiment: ['Interested'],
      disposition: ['Left Voicemail'],
      updated_at: { gte: '2024-03-01T00:00:00Z', lt: '2024-04-01T00:00:00Z' },
    });
    expect(sent()?.query).toEqual({
      'ids[]': ['1', '2'],
      'user_guid[]': ['0863ed13-7120-479b-8650-206a3679e2fb'],
      'person_id[]': ['12345'],
      'sentiment[]': ['Interested'],
      'disposition[]': ['Left Voicemail'],
      'updated_at[gte]': '2024-03-01T00:00:00Z',
      'updated_at[lt]': '2024-04-01T00:00:00Z',
    });
  });

  test('refuses a sort key the endpoint does not have', async () => {
    await refusedAt('list_calls', { sort_by: 'duration' }, 'sort_by');
  });
});

describe('list_call_data_records', () => {
  test('sends has_call=false for the records without a call', async () => {
    const sent = answer(200, { metadata: {}, data: [] });
    await connector.run('list_call_data_records', { has_call: false, call_data_record_ids: [9101] });
    expect(sent()?.query).toEqual({ has_call: 'false', 'ids[]': ['9101'] });
  });

  test('refuses has_call that is not a boolean', async () => {
    await refusedAt('list_call_data_records', { has_call: 'maybe' }, 'has_call');
  });
});

describe('list_call_dispositions and list_call_sentiments', () => {
  test('list_call_dispositions takes the seed input as it is', async () => {
    const sent = answer(200, sample('list_call_dispositions', 'output'));
    await connector.run('list_call_dispositions', sample('list_call_dispositions', 'input'));
    expect(sent()?.query).toEqual({ sort_by: 'updated_at', sort_direction: 'DESC', include_paging_counts: 'true', per_page: '50', page: '1' });
  });

  test('list_call_dispositions refuses per_page over 100', async () => {
    await refusedAt('list_call_dispositions', { per_page: 500 }, 'per_page');
  });

  test('list_call_sentiments filters by name', async () => {
    const sent = answer(200, { metadata: {}, data: [{ id: 1, name: 'Interested' }] });
    await connector.run('list_call_sentiments', { name: 'Interested' });
    expect(sent()?.query).toEqual({ name: 'Interested' });
  });

  test('list_call_sentiments refuses a sort key other than name and updated_at', async () => {
    await refusedAt('list_call_sentiments', { sort_by: 'created_at' }, 'sort_by');
  });
});

describe('list_caller_ids', () => {
  test('sends the E.164 number of the seed input; the output is {data: [...]} without paging', async () => {
    const output = { data: [{ display_name: 'Jane Smith', title: null, account_name: null, person: { id: 12345, _href: null } }] };
    const sent = answer(200, output);
    await expect(connector.run('list_caller_ids', sample('list_caller_ids', 'input'))).resolves.toEqual(output);
    expect(sent()).toEqual({ method: 'GET', path: '/v2/phone_numbers/caller_ids', query: { phone_number: '+14155552671' }, body: null });
    expect(schemaProblems('list_caller_ids', 'output', output)).toEqual([]);
    expect(schemaProblems('list_caller_ids', 'output', { data: [] })).toEqual([]);
    const outputSchema = registry.get('list_caller_ids')!.outputSchema;
    expect(Object.keys(props(outputSchema))).toEqual(['data']);
  });

  test('requires phone_number, in E.164', async () => {
    await refusedAt('list_caller_ids', {}, 'phone_number');
    expect(await refusedAt('list_caller_ids', { phone_number: '(415) 555-2671' }, 'phone_number')).toMatch(/pattern/);
    await refusedAt('list_caller_ids', { phone_number: '14155552671' }, 'phone_number');
    expect(props(inputSchema('list_caller_ids')).phone_number.pattern).toBeDefined();
  });
});

// ---- emails ---------------------------------------------------------------------------------------

describe('get_email', () => {
  test('fills {email_id}; an email without subject (no email_contents:read scope) is still a valid output', async () => {
    const withoutSubject = { data: { id: 55501, status: 'sent', recipient_email_address: 'jane@acmecorp.com' } };
    const sent = answer(200, withoutSubject);
    await expect(connector.run('get_email', { email_id: 55501 })).resolves.toEqual(withoutSubject);
    expect(sent()).toEqual({ method: 'GET', path: '/v2/activities/emails/55501', query: {}, body: null });
    expect(schemaProblems('get_email', 'output', withoutSubject)).toEqual([]);
    expect(schemaProblems('get_email', 'output', { data: { id: 55501, subject: null } })).toEqual([]);
  });

  test("the output schema's subject says it needs the email_contents:read scope", async () => {
    const data = props(registry.get('get_email')!.outputSchema).data;
    expect(String(props(data).subject.description)).toMatch(/email_contents:read/);
    expect(String(props(data).subject.description)).toMatch(/required scope access not included/);
    expect(registry.get('get_email')!.operation.description).toMatch(/email_contents:read/);
  });

  test('"required scope access not included" reaches the user with the reason', async () => {
    answer(403, { error: 'required scope access not included' });
    const error = await connector.run('get_email', { email_id: 55501 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    expect((error as ApiError).apiMessage).toBe('required scope access not included');
    expect((error as ApiError).message).toMatch(/required scope access not included/);
    expect((error as ApiError).message).toMatch(/email_contents:read/);
  });

  test('refuses an email id of 0', async () => {
    await refusedAt('get_email', { email_id: 0 }, 'email_id');
  });
});

describe('list_emails', () => {
  test('sends statuses, recipients, sent_at range and scoped fields as the API names them', async () => {
    const sent = answer(200, { metadata: {}, data: [] });
    await connector.run('list_emails', {
      email_ids: [55501],
      status: ['sent', 'failed'],
      email_addresses: ['jane@acmecorp.com'],
      sent_at: { gte: '2024-03-01T00:00:00Z' },
      scoped_fields: ['subject', 'body'],
      one_off: true,
      sort_by: 'send_time',
    });
    expect(sent()?.query).toEqual({
      'ids[]': ['55501'],
      'status[]': ['sent', 'failed'],
      'email_addresses[]': ['jane@acmecorp.com'],
      'sent_at[gte]': '2024-03-01T00:00:00Z',
      'scoped_fields[]': ['subject', 'body'],
      one_off: 'true',
      sort_by: 'send_time',
    });
  });

  test('refuses a status SalesLoft does not have', async () => {
    expect(await refusedAt('list_emails', { status: ['delivered'] }, 'status[0]')).toMatch(/must be one of/);
  });
});

// ---- CRM ------------------------------------------------------------------------------------------

describe('list_crm_activities', () => {
  test('sends crm_activity_ids as ids[]; the seed output validates', async () => {
    const sent = answer(200, sample('list_crm_activities', 'output'));
    await connector.run('list_crm_activities', { crm_activity_ids: ['1234', 5678], updated_at: { gt: '2023-05-01T00:00:00Z' } });
    expect(sent()?.query).toEqual({ 'ids[]': ['1234', '5678'], 'updated_at[gt]': '2023-05-01T00:00:00Z' });
    expect(schemaProblems('list_crm_activities', 'output', sample('list_crm_activities', 'output'))).toEqual([]);
  });

  test('refuses an updated_at bound that is not a date-time', async () => {
    await refusedAt('list_crm_activities', { updated_at: { gte: 'yesterday' } }, 'updated_at.gte');
  });
});

describe('list_crm_activity_fields', () => {
  test('filters by source; the seed output with source "salesforce" validates', async () => {
    const sent = answer(200, sample('list_crm_activity_fields', 'output'));
    await connector.run('list_crm_activity_fields', { source: 'phone' });
    expect(sent()?.query).toEqual({ source: 'phone' });
    const seedOutput = sample<{ data: Array<{ source: string }> }>('list_crm_activity_fields', 'output');
    expect(seedOutput.data[0].source).toBe('salesforce');
    expect(schemaProblems('list_crm_activity_fields', 'output', seedOutput)).toEqual([]);
    expect(schemaProblems('list_crm_activity_fields', 'output', { data: [{ id: 1, source: 'sms', field_type: 'multipicklist', picklist_values: null }] })).toEqual([]);
  });

  test('refuses a source filter other than email or phone', async () => {
    await refusedAt('list_crm_activity_fields', { source: 'sms' }, 'source');
  });
});

// ---- custom fields --------------------------------------------------------------------------------

describe('custom fields', () => {
  const field = (extra: Json = {}) => ({ data: { id: 47761, name: 'Preferred Contact Time', field_type: 'company', value_type: 'text', ...extra } });

  test('create_custom_field sends name and field_type', async () => {
    const sent = answer(200, field());
    await connector.run('create_custom_field', { fields: { name: 'Preferred Contact Time', field_type: 'company' } });
    expect(sent()).toEqual({ method: 'POST', path: '/v2/custom_fields', query: {}, body: { name: 'Preferred Contact Time', field_type: 'company' } });
  });

  test('field_type is person, company or opportunity everywhere', async () => {
    for (const name of ['create_custom_field', 'update_custom_field']) {
      expect(props(props(inputSchema(name)).fields).field_type.enum).toEqual(['person', 'company', 'opportunity']);
    }
    expect(props(inputSchema('list_custom_fields')).field_type.enum).toEqual(['person', 'company', 'opportunity']);
  });

  test('create_custom_field refuses field_type "account" and a missing name', async () => {
    await refusedAt('create_custom_field', { fields: { name: 'Region', field_type: 'account' } }, 'fields.field_type');
    await refusedAt('create_custom_field', { fields: { field_type: 'person' } }, 'fields.name');
  });

  test('update_custom_field PUTs to the old id; the response carries the new id, as its description says', async () => {
    const renamed = field({ id: 47762, name: 'Best Time To Call' });
    const sent = answer(200, renamed);
    await expect(connector.run('update_custom_field', { custom_field_id: 47761, fields: { name: 'Best Time To Call' } })).resolves.toEqual(renamed);
    expect(sent()).toEqual({ method: 'PUT', path: '/v2/custom_fields/47761', query: {}, body: { name: 'Best Time To Call' } });
    expect(registry.get('update_custom_field')!.operation.description).toMatch(/new ID.*old ID/i);
  });

  test('update_custom_field refuses an update with nothing to change', async () => {
    await refusedAt('update_custom_field', { custom_field_id: 47761, fields: {} }, 'fields');
  });

  test('get_custom_field takes the seed input', async () => {
    const sent = answer(200, field({ id: 12345 }));
    await connector.run('get_custom_field', sample('get_custom_field', 'input'));
    expect(sent()?.path).toBe('/v2/custom_fields/12345');
  });

  test('get_custom_field refuses a non-numeric id', async () => {
    await refusedAt('get_custom_field', { custom_field_id: '12a' }, 'custom_field_id');
  });

  test('delete_custom_field: a 204 becomes {success: true}', async () => {
    const sent = answer(204);
    await expect(connector.run('delete_custom_field', { custom_field_id: '47762' })).resolves.toEqual({ success: true });
    expect(sent()).toEqual({ method: 'DELETE', path: '/v2/custom_fields/47762', query: {}, body: null });
  });

  test('delete_custom_field requires the id', async () => {
    await refusedAt('delete_custom_field', {}, 'custom_field_id');
  });

  test('list_custom_fields: real first and last pages and the seed output ("picklist") validate', async () => {
    expect(schemaProblems('list_custom_fields', 'output', realResponse('read-custom-fields-first-page.json'))).toEqual([]);
    expect(schemaProblems('list_custom_fields', 'output', realResponse('read-custom-fields-last-page.json'))).toEqual([]);
    expect(schemaProblems('list_custom_fields', 'output', realResponse('read-empty.json'))).toEqual([]);
    const seedOutput = sample<{ data: Array<{ value_type: string }> }>('list_custom_fields', 'output');
    expect(seedOutput.data.map((f) => f.value_type)).toContain('picklist');
    expect(schemaProblems('list_custom_fields', 'output', seedOutput)).toEqual([]);
  });

  test('list_custom_fields sends custom_field_ids as ids[] and the field_type filter', async () => {
    const sent = answer(200, realResponse('read-custom-fields-last-page.json'));
    await connector.run('list_custom_fields', { custom_field_ids: [47760, 47759], field_type: 'opportunity', sort_by: 'name' });
    expect(sent()?.query).toEqual({ 'ids[]': ['47760', '47759'], field_type: 'opportunity', sort_by: 'name' });
  });

  test('list_custom_fields refuses field_type "account"', async () => {
    await refusedAt('list_custom_fields', { field_type: 'account' }, 'field_type');
  });
});

// ---- actions --------------------------------------------------------------------------------------

describe('list_actions', () => {
  test('sends type, the due_on date range and user guids', async () => {
    const sent = answer(200, sample('list_actions', 'output'));
    await connector.run('list_actions', {
      type: 'email',
      due_on: { gte: '2024-03-01', lte: '2024-03-31' },
      user_guid: ['0863ed13-7120-479b-8650-206a3679e2fb', 'a1b2c3'],
      step_id: 7001,
      action_ids: [3301],
    });
    expect(sent()?.query).toEqual({
      type: 'email',
      'due_on[gte]': '2024-03-01',
      'due_on[lte]': '2024-03-31',
      'user_guid[]': ['0863ed13-7120-479b-8650-206a3679e2fb', 'a1b2c3'],
      step_id: '7001',
      'ids[]': ['3301'],
    });
  });

  test('declares type as email|phone|other, due_on as a date range, user_guid looked up by guid', async () => {
    const p = props(inputSchema('list_actions'));
    expect(p.type.enum).toEqual(['email', 'phone', 'other']);
    expect(p.due_on.$ref).toBe('/schemas/common.json#/definitions/date_range');
    expect((p.user_guid.items as Json).lookup).toEqual({ operation: 'list_users_guid_ddl', input: {} });
  });

  test('refuses type "call" and a due_on bound that is not a date', async () => {
    await refusedAt('list_actions', { type: 'call' }, 'type');
    await refusedAt('list_actions', { due_on: { lte: 'next week' } }, 'due_on.lte');
  });
});
