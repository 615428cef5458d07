// People and person stages: the exact requests these operations send, the outputs they accept, and
// the inputs they refuse before anything is sent.

import nock from 'nock';
import { createConnector } from '../connector/index.js';
import { expectRefused, recordRequests, registry, sample, type SentRequest, realResponse, schemaProblems } from './support.js';

const connector = createConnector({ accessToken: 't', retries: 0 });

type Seen = Omit<SentRequest, 'headers'>;

/** Answers every request with `status` and `reply`; the returned function gives the requests sent. */
const intercept = (status: number, reply?: unknown): (() => Seen[]) => {
  const sent = recordRequests(() => (reply === undefined ? [status] : [status, reply]));
  return () => sent.map(({ headers, ...rest }) => (void headers, rest));
};

/** Runs by name with any input (the generated input types would refuse the bad ones at compile time). */
const run = (name: string, input: Record<string, unknown>, using = connector): Promise<unknown> => using.runByName(name, input);

/** The problems of the InputError the input gets (nothing sent). */
const problemsOf = async (name: string, input: Record<string, unknown>): Promise<Array<{ path: string; message: string }>> => (await expectRefused(connector, name, input)).problems;



const person = sample('create_person', 'output.json') as { data: Record<string, unknown> };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

// ---- create_person ----------------------------------------------------------------------------

describe('create_person', () => {
  test('without an email address nor a phone and a last name: one readable problem at fields', async () => {
    for (const fields of [{ first_name: 'John' }, { first_name: 'John', phone: '1234567890' }, { last_name: 'Doe' }]) {
      const problems = await problemsOf('create_person', { fields });
      expect(problems).toEqual([{ path: 'fields', message: 'must match one of: By email address (with email_address), or By phone and last name (with phone and last_name)' }]);
    }
  });

  test('an empty email address, phone or last name does not count', async () => {
    const problems = await problemsOf('create_person', { fields: { phone: '', last_name: '' } });
    expect(problems.map((p) => p.path).sort()).toEqual(['fields.last_name', 'fields.phone']);
  });

  test('a phone and a last name are enough; the fields are the JSON body', async () => {
    const seen = intercept(200, person);
    await expect(run('create_person', { fields: { phone: '1234567890', last_name: 'Doe', autotag_date: true } })).resolves.toEqual(person);
    expect(seen()).toEqual([{ method: 'POST', path: '/v2/people', query: {}, body: { phone: '1234567890', last_name: 'Doe', autotag_date: true } }]);
  });

  test('crm_id needs crm_id_type', async () => {
    const problems = await problemsOf('create_person', { fields: { email_address: 'john.doe@example.com', crm_id: '003Dn00000ABCDEFGH' } });
    expect(problems).toEqual([{ path: 'fields.crm_id_type', message: 'is required when crm_id is given' }]);
  });

  test('enums of the spec are checked: job_seniority, contact_restrictions, crm_id_type', async () => {
    const problems = await problemsOf('create_person', {
      fields: { email_address: 'john.doe@example.com', job_seniority: 'intern', contact_restrictions: ['fax'], crm_id: '003Dn00000ABCDEFGH', crm_id_type: 'hubspot' },
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['fields.contact_restrictions[0]', 'fields.crm_id_type', 'fields.job_seniority']);
  });

  test('a create is not retried after a 5xx (it may have reached SalesLoft)', async () => {
    const retrying = createConnector({ accessToken: 't', retries: 2, minRetryDelayMs: 1 });
    const seen = intercept(503, { error: 'Service Unavailable' });
    await expect(run('create_person', { fields: { email_address: 'john.doe@example.com' } }, retrying)).rejects.toMatchObject({ status: 503 });
    expect(seen()).toHaveLength(1);
  });
});

// ---- upsert_person ----------------------------------------------------------------------------

describe('upsert_person', () => {
  test.each([
    ['id', { first_name: 'John' }, ['fields.id']],
    ['email_address', { first_name: 'John' }, ['fields.email_address']],
    ['crm_id', { first_name: 'John' }, ['fields.crm_id']],
  ])('upsert_key %s without its field', async (key, fields, paths) => {
    const problems = await problemsOf('upsert_person', { fields: { upsert_key: key, ...fields } });
    expect(problems).toEqual(paths.map((path) => ({ path, message: 'is required' })));
  });

  test('upsert_key crm_id also needs crm_id_type', async () => {
    const problems = await problemsOf('upsert_person', { fields: { upsert_key: 'crm_id', crm_id: '003Dn00000ABCDEFGH' } });
    expect(problems).toEqual([{ path: 'fields.crm_id_type', message: 'is required when crm_id is given' }]);
  });

  test('upsert_key is required and one of id, crm_id, email_address', async () => {
    expect(await problemsOf('upsert_person', { fields: { email_address: 'john.doe@example.com' } })).toEqual([{ path: 'fields.upsert_key', message: 'is required' }]);
    const problems = await problemsOf('upsert_person', { fields: { upsert_key: 'phone', phone: '1234567890' } });
    expect(problems).toEqual([{ path: 'fields.upsert_key', message: expect.stringContaining('"id", "crm_id", "email_address"') }]);
  });

  test('each upsert_key with its field passes', async () => {
    for (const fields of [
      { upsert_key: 'id', id: 12345, title: 'CEO' },
      { upsert_key: 'email_address', email_address: 'john.doe@example.com' },
      { upsert_key: 'crm_id', crm_id: '003Dn00000ABCDEFGH', crm_id_type: 'salesforce' },
    ]) {
      await expect(connector.validate('upsert_person', { fields })).resolves.toBeUndefined();
    }
  });

  test("seed 002's sample sends custom_fields as an object and returns {data: {upsert_type, person}}", async () => {
    const input = sample('upsert_person', 'input.json');
    const output = sample('upsert_person', 'output.json');
    expect(Array.isArray(input.fields.custom_fields)).toBe(true);
    const seen = intercept(200, output);
    await expect(run('upsert_person', input)).resolves.toEqual(output);
    const [request] = seen();
    expect([request.method, request.path]).toEqual(['POST', '/v2/person_upserts']);
    expect((request.body as Record<string, unknown>).custom_fields).toEqual({ 'Lead Source': 'Website', 'Last Meeting Date': '2023-05-15' });
    expect((request.body as Record<string, unknown>).upsert_key).toBe('email_address');
  });

  test('the output accepts upsert_type "created" and do_not_contact as the string "false"', () => {
    const output = sample('upsert_person', 'output.json');
    expect(output.data.upsert_type).toBe('created');
    expect(output.data.person.do_not_contact).toBe('false');
    expect(schemaProblems('upsert_person', 'output', output)).toEqual([]);
    expect(schemaProblems('upsert_person', 'output', { data: { upsert_type: 'update', person: person.data } })).toEqual([]);
  });

  test('an upsert is safe to repeat: retried after a 5xx', async () => {
    expect(registry.get('upsert_person')?.operation).toMatchObject({ method: 'POST', idempotent: true });
    const retrying = createConnector({ accessToken: 't', retries: 2, minRetryDelayMs: 1 });
    const output = sample('upsert_person', 'output.json');
    let calls = 0;
    const sent = recordRequests(() => (++calls === 1 ? [503, { error: 'Service Unavailable' }] : [200, output]));
    await expect(run('upsert_person', { fields: { upsert_key: 'email_address', email_address: 'john.doe@example.com' } }, retrying)).resolves.toEqual(output);
    expect(sent).toHaveLength(2);
  });
});

// ---- update_person, delete_person -------------------------------------------------------------

describe('update_person and delete_person', () => {
  test('update_person sends the fields given to /v2/people/{id}', async () => {
    const seen = intercept(200, person);
    await run('update_person', { person_id: '12345', fields: { title: 'CEO', custom_fields: [{ key: 'Tier', value: 'A' }] } });
    expect(seen()).toEqual([{ method: 'PUT', path: '/v2/people/12345', query: {}, body: { title: 'CEO', custom_fields: { Tier: 'A' } } }]);
  });

  test('update_person with an id of "1/../../x" is refused by the schema, nothing sent', async () => {
    const problems = await problemsOf('update_person', { person_id: '1/../../x', fields: { title: 'CEO' } });
    expect(problems).toEqual([{ path: 'person_id', message: expect.stringContaining('record id') }]);
  });

  test('update_person needs at least one field, and takes no autotag_date', async () => {
    expect((await problemsOf('update_person', { person_id: 12345, fields: {} })).map((p) => p.path)).toEqual(['fields']);
    expect((await problemsOf('update_person', { person_id: 12345, fields: { autotag_date: true } })).map((p) => p.path)).toEqual(['fields.autotag_date']);
    expect((await problemsOf('update_person', { person_id: 12345, fields: { crm_id: '003Dn00000ABCDEFGH' } })).map((p) => p.path)).toEqual(['fields.crm_id_type']);
  });

  test('delete_person: a 204 gives {success: true}', async () => {
    const seen = intercept(204);
    await expect(run('delete_person', { person_id: 12345 })).resolves.toEqual({ success: true });
    expect(seen()).toEqual([{ method: 'DELETE', path: '/v2/people/12345', query: {}, body: null }]);
  });

  test('delete_person_stage: a 204 gives {success: true}', async () => {
    const seen = intercept(204);
    await expect(run('delete_person_stage', { person_stage_id: '7' })).resolves.toEqual({ success: true });
    expect(seen()).toEqual([{ method: 'DELETE', path: '/v2/person_stages/7', query: {}, body: null }]);
  });
});

// ---- list_people ------------------------------------------------------------------------------

describe('list_people', () => {
  test('query encoding: ids renamed, ranges, arrays with _is_null, custom_fields[Name], booleans, _not_in', async () => {
    const seen = intercept(200, realResponse('read-empty.json'));
    await run('list_people', {
      person_ids: [1, '2'],
      updated_at: { gte: '2024-01-01T00:00:00Z', lt: '2024-02-01T00:00:00Z' },
      last_contacted: '_is_null',
      email_addresses: ['a@example.com', '_is_null'],
      person_stage_id: [3, '_is_null'],
      job_seniority: ['manager', '_is_null'],
      owner_crm_id: { _not_in: ['005A', '005B'] },
      custom_fields: { 'Lead Source': 'Website' },
      can_email: true,
      owner_is_active: false,
      sort_by: 'last_contacted_at',
      per_page: 100,
    });
    expect(seen()).toEqual([
      {
        method: 'GET',
        path: '/v2/people',
        body: null,
        query: {
          'ids[]': ['1', '2'],
          'updated_at[gte]': '2024-01-01T00:00:00Z',
          'updated_at[lt]': '2024-02-01T00:00:00Z',
          last_contacted: '_is_null',
          'email_addresses[]': ['a@example.com', '_is_null'],
          'person_stage_id[]': ['3', '_is_null'],
          'job_seniority[]': ['manager', '_is_null'],
          'owner_crm_id[_not_in][]': ['005A', '005B'],
          'custom_fields[Lead Source]': 'Website',
          can_email: 'true',
          owner_is_active: 'false',
          sort_by: 'last_contacted_at',
          per_page: '100',
        },
      },
    ]);
  });

  test('refuses bad filters before sending: a bad range bound, an unknown sort, _query', async () => {
    const paths = (await problemsOf('list_people', { created_at: { gte: 'yesterday' }, sort_by: 'email', _query: 'john' })).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['created_at.gte', 'sort_by', '_query']));
  });

  test('real SalesLoft people lists validate against the output schema', () => {
    expect(schemaProblems('list_people', 'output', realResponse('read-list-people.json'))).toEqual([]);
    expect(schemaProblems('list_people', 'output', realResponse('get-records-people.json'))).toEqual([]);
    expect(schemaProblems('list_people', 'output', realResponse('read-empty.json'))).toEqual([]);
  });

  test('every filter of the spec is an input (except the internal _query)', () => {
    // GET /v2/people.json's parameters in reference/salesloft-v2-openapi.json, in its order.
    const parameters = [
      'ids', 'updated_at', 'email_addresses', 'owned_by_guid', 'person_stage_id', 'crm_id', 'owner_crm_id', 'do_not_contact', 'can_email',
      'can_call', 'can_text', 'account_id', 'custom_fields', 'import_id', 'job_seniority', 'tag_id', 'owner_is_active', 'cadence_id',
      'starred_by_guid', 'replied', 'bounced', 'success', 'eu_resident', 'title', 'country', 'state', 'city', 'last_contacted', 'created_at',
      'new', 'phone_number', 'locales', 'owner_id', 'sort_by', 'sort_direction', 'per_page', 'page', 'include_paging_counts', 'limit_paging_counts',
    ];
    const inputs = Object.keys(registry.get('list_people')!.inputSchema.properties as object).map((name) => (name === 'person_ids' ? 'ids' : name));
    expect(parameters.filter((name) => !inputs.includes(name))).toEqual([]);
    expect(inputs.filter((name) => name !== 'access_token' && !parameters.includes(name))).toEqual([]);
  });
});

// ---- list_people_ddl --------------------------------------------------------------------------

describe('list_people_ddl', () => {
  test('text is the display name, else the email or first and last name, with a differing email in parentheses', async () => {
    intercept(200, {
      metadata: { paging: { per_page: 100, current_page: 1, next_page: null, prev_page: null } },
      data: [
        { id: 1, display_name: 'Ann Lee', email_address: 'ann@example.com', first_name: 'Ann', last_name: 'Lee' },
        { id: 2, display_name: 'bo@example.com', email_address: 'bo@example.com', first_name: null, last_name: null },
        { id: 3, display_name: null, email_address: null, first_name: 'Cy', last_name: 'Ng' },
        { id: 4, display_name: '', email_address: 'dee@example.com', first_name: null, last_name: null },
      ],
    });
    await expect(run('list_people_ddl', { search: 'example' })).resolves.toEqual({
      result: [
        { text: 'Ann Lee (ann@example.com)', value: 1 },
        { text: 'bo@example.com', value: 2 },
        { text: 'dee@example.com', value: 4 },
      ],
    });
  });
});
