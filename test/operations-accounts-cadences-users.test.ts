// Accounts, account stages and tiers, cadences, cadence memberships, steps, tags, users and groups:
// the exact requests these operations send, the outputs they accept, and the inputs they refuse
// before anything is sent.

import { readFileSync } from 'node:fs';
import nock from 'nock';
import { createConnector, InputError } from '../connector/index.js';
import { loadRegistry } from '../connector/registry.js';
import { expectRefused as refuse, realResponse, schemaProblems, sentRequest, baseUrl } from './support.js';

const sentLines: string[] = [];
const connector = createConnector({ accessToken: 't', retries: 0, log: (line) => sentLines.push(line) });

interface Seen {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  contentType?: string;
}

/** Answers one request to `path` (any query) and gives what was sent. */
const intercept = (method: string, path: string, status: number, reply?: unknown): (() => Seen | undefined) => {
  let seen: Seen | undefined;
  nock(baseUrl)
    .intercept(path, method)
    .query(true)
    .reply(function (uri, body) {
      const { headers, ...request } = sentRequest(method, uri, body, this.req.headers);
      seen = { ...request, contentType: headers['content-type'] as string | undefined };
      return reply === undefined ? [status] : [status, reply as nock.Body];
    });
  return () => seen;
};

const expectRefused = (name: string, input: Record<string, unknown>, paths: string[]): Promise<InputError> => refuse(connector, name, input, paths);

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));


const inputSchemaOf = async (name: string): Promise<Record<string, any>> => (await loadRegistry()).get(name)!.inputSchema as Record<string, any>;

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  sentLines.length = 0;
});
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

// ---- accounts ------------------------------------------------------------------------------------

describe('create_account', () => {
  const created = realResponse('write-create-account.json');

  test("sends seed 002's fields.full_name as name, and custom_fields [{key, value}] as an object", async () => {
    const seen = intercept('POST', '/v2/accounts', 200, created);
    const output = await connector.run('create_account', {
      fields: {
        full_name: 'Acme Corporation',
        domain: 'acmecorp.com',
        custom_fields: [
          { key: 'Customer Segment', value: 'Enterprise' },
          { key: 'Employees', value: 250 },
        ],
        tags: ['tech', 'saas'],
        owner_id: 12345,
      },
    });
    expect(output).toEqual(created);
    expect(seen()).toEqual({
      method: 'POST',
      path: '/v2/accounts',
      query: {},
      body: { name: 'Acme Corporation', domain: 'acmecorp.com', custom_fields: { 'Customer Segment': 'Enterprise', Employees: 250 }, tags: ['tech', 'saas'], owner_id: 12345 },
      contentType: 'application/json',
    });
  });

  test('sends name as it is, and an object of custom fields unchanged', async () => {
    const seen = intercept('POST', '/v2/accounts', 200, created);
    await connector.run('create_account', { fields: { name: 'Acme', domain: 'acme.com', custom_fields: { Region: 'EMEA' } } });
    expect(seen()?.body).toEqual({ name: 'Acme', domain: 'acme.com', custom_fields: { Region: 'EMEA' } });
  });

  test('the real create response validates', async () => {
    expect(schemaProblems('create_account', 'output', created)).toEqual([]);
  });

  test('giving both name and full_name is an input error', async () => {
    await expectRefused('create_account', { fields: { name: 'Acme', full_name: 'Acme Corporation', domain: 'acme.com' } }, ['fields.full_name']);
  });

  test('name (or full_name) and domain are required', async () => {
    await expectRefused('create_account', { fields: { domain: 'acme.com' } }, ['fields.name']);
    await expectRefused('create_account', { fields: { name: 'Acme' } }, ['fields.domain']);
    await expectRefused('create_account', { fields: { full_name: 'Acme' } }, ['fields.domain']);
  });

  test('crm_id needs crm_id_type, which must be salesforce', async () => {
    const error = await expectRefused('create_account', { fields: { name: 'Acme', domain: 'acme.com', crm_id: '001000000000000AAA' } }, []);
    expect(JSON.stringify(error.problems)).toMatch(/crm_id_type/);
    await expectRefused('create_account', { fields: { name: 'Acme', domain: 'acme.com', crm_id: '001000000000000AAA', crm_id_type: 'hubspot' } }, ['fields.crm_id_type']);
  });
});

describe('get_account / delete_account', () => {
  test('get_account fetches by id, a numeric string too', async () => {
    const created = realResponse('write-create-account.json');
    const seen = intercept('GET', '/v2/accounts/12345', 200, created);
    await expect(connector.run('get_account', { account_id: '12345' })).resolves.toEqual(created);
    expect(seen()).toMatchObject({ method: 'GET', path: '/v2/accounts/12345', query: {}, body: null });
    expect(schemaProblems('get_account', 'output', created)).toEqual([]);
  });

  test('delete_account turns the 204 into {success: true}', async () => {
    const seen = intercept('DELETE', '/v2/accounts/12345', 204);
    await expect(connector.run('delete_account', { account_id: 12345 })).resolves.toEqual({ success: true });
    expect(seen()).toMatchObject({ method: 'DELETE', path: '/v2/accounts/12345', query: {}, body: null });
  });

  test('refuse an account id that is not a record id', async () => {
    await expectRefused('get_account', { account_id: 'abc' }, ['account_id']);
    await expectRefused('delete_account', { account_id: 0 }, ['account_id']);
    await expectRefused('delete_account', {}, ['account_id']);
  });
});

describe('update_account', () => {
  // The spec marks name and domain required for PUT (copied from create); salesloft-api.md lists only the
  // id as required and SalesLoft's updates are partial, so only account_id and one field are required.
  test('sends only the fields given, with the id in the path', async () => {
    const seen = intercept('PUT', '/v2/accounts/77', 200, realResponse('write-create-account.json'));
    await connector.run('update_account', { account_id: 77, fields: { archived: true, custom_fields: [{ key: 'Tier', value: 'Gold' }] } });
    expect(seen()).toEqual({
      method: 'PUT',
      path: '/v2/accounts/77',
      query: {},
      body: { archived: true, custom_fields: { Tier: 'Gold' } },
      contentType: 'application/json',
    });
  });

  test('name and domain are not required, but the schema documents them', async () => {
    const schema = await inputSchemaOf('update_account');
    expect(schema.required).toEqual(['account_id', 'fields']);
    expect(schema.properties.fields.required).toBeUndefined();
    expect(Object.keys(schema.properties.fields.properties)).toEqual(expect.arrayContaining(['name', 'domain', 'archived']));
  });

  test('refuses an update with no field, or full_name (create only)', async () => {
    await expectRefused('update_account', { account_id: 77, fields: {} }, ['fields']);
    await expectRefused('update_account', { account_id: 77, fields: { full_name: 'Acme' } }, ['fields.full_name']);
  });
});

describe('list_accounts', () => {
  test('sends _is_null owner and stage filters, ranges and custom field filters in SalesLoft style', async () => {
    const page = realResponse('read-list-accounts.json');
    const seen = intercept('GET', '/v2/accounts', 200, page);
    const output = await connector.run('list_accounts', {
      account_ids: [1, '2'],
      owner_id: ['_is_null', 49067],
      account_stage_id: ['_is_null'],
      created_at: { gte: '2024-01-01T00:00:00Z' },
      updated_at: { gt: '2024-06-07T14:51:20.851224Z', lte: '2024-07-01T00:00:00Z' },
      last_contacted: { lt: '2024-05-01T00:00:00Z' },
      custom_fields: { 'Lead Source': 'Website', Employees: 50 },
      owner_crm_id: { _not_in: ['005A'] },
      archived: false,
      sort_by: 'counts_people',
      sort_direction: 'ASC',
      per_page: 100,
      page: 2,
    });
    expect(output).toEqual(page);
    expect(seen()).toEqual({
      method: 'GET',
      path: '/v2/accounts',
      query: {
        'ids[]': ['1', '2'],
        'owner_id[]': ['_is_null', '49067'],
        'account_stage_id[]': ['_is_null'],
        'created_at[gte]': '2024-01-01T00:00:00Z',
        'updated_at[gt]': '2024-06-07T14:51:20.851224Z',
        'updated_at[lte]': '2024-07-01T00:00:00Z',
        'last_contacted[lt]': '2024-05-01T00:00:00Z',
        'custom_fields[Lead Source]': 'Website',
        'custom_fields[Employees]': '50',
        'owner_crm_id[_not_in][]': ['005A'],
        archived: 'false',
        sort_by: 'counts_people',
        sort_direction: 'ASC',
        per_page: '100',
        page: '2',
      },
      body: null,
      contentType: undefined,
    });
  });

  test('last_contacted also takes _is_null / _is_not_null', async () => {
    const seen = intercept('GET', '/v2/accounts', 200, realResponse('read-empty.json'));
    await connector.run('list_accounts', { last_contacted: '_is_not_null' });
    expect(seen()?.query).toEqual({ last_contacted: '_is_not_null' });
  });

  test('owner and stage filters look up the DDLs that offer _is_null', async () => {
    const schema = await inputSchemaOf('list_accounts');
    expect(schema.properties.owner_id.items.lookup).toEqual({ operation: 'list_users_filter_owners_ddl', input: {} });
    expect(schema.properties.account_stage_id.items.lookup).toEqual({ operation: 'list_account_stages_filter_ddl', input: {} });
  });

  test.each(['read-list-accounts.json', 'read-list-accounts-since.json', 'get-records-accounts.json', 'read-empty.json'])('real response %s validates', async (file) => {
    expect(schemaProblems('list_accounts', 'output', realResponse(file))).toEqual([]);
  });

  test('refuses unknown sort keys, bad ranges and other null markers', async () => {
    await expectRefused('list_accounts', { sort_by: 'domain' }, ['sort_by']);
    await expectRefused('list_accounts', { updated_at: { after: '2024-01-01T00:00:00Z' } }, ['updated_at.after']);
    await expectRefused('list_accounts', { created_at: { gte: 'yesterday' } }, ['created_at.gte']);
    await expectRefused('list_accounts', { owner_id: ['_is_not_null'] }, ['owner_id[0]']);
    await expectRefused('list_accounts', { custom_fields: [{ key: 'Region', value: 'EMEA' }] }, ['custom_fields']);
  });
});

describe('list_account_stages / list_account_tiers', () => {
  test('list_account_stages sends ids and the order sort', async () => {
    const seen = intercept('GET', '/v2/account_stages', 200, { metadata: {}, data: [{ id: 1, name: 'Prospect', order: 1 }] });
    await connector.run('list_account_stages', { account_stage_ids: [1], updated_at: { gte: '2024-01-01T00:00:00Z' }, sort_by: 'order' });
    expect(seen()?.query).toEqual({ 'ids[]': ['1'], 'updated_at[gte]': '2024-01-01T00:00:00Z', sort_by: 'order' });
  });

  test('list_account_tiers sends name[]', async () => {
    const seen = intercept('GET', '/v2/account_tiers', 200, { metadata: {}, data: [] });
    await connector.run('list_account_tiers', { name: ['Tier 1'], account_tier_ids: ['3'] });
    expect(seen()?.query).toEqual({ 'name[]': ['Tier 1'], 'ids[]': ['3'] });
  });

  test('refuse per_page out of range and unknown filters', async () => {
    await expectRefused('list_account_stages', { per_page: 101 }, ['per_page']);
    await expectRefused('list_account_tiers', { tier: ['Gold'] }, ['tier']);
  });
});

// ---- cadences and memberships --------------------------------------------------------------------

describe('cadences', () => {
  test("list_cadences takes seed 002's cadence_ids (numbers and numeric strings) and owned_by_guid_filter", async () => {
    const seen = intercept('GET', '/v2/cadences', 200, { metadata: {}, data: [] });
    await connector.run('list_cadences', {
      cadence_ids: [123, '456', 789],
      owned_by_guid_filter: ['user_guid_1', 'user_guid_2'],
      group_ids: [12, '34'],
      archived: false,
    });
    expect(seen()?.query).toEqual({ 'ids[]': ['123', '456', '789'], 'owned_by_guid[]': ['user_guid_1', 'user_guid_2'], group_ids: '[12,34]', archived: 'false' });
  });

  test('list_cadences sends no ids, owned_by_guid or group_ids when they are not given', async () => {
    const seen = intercept('GET', '/v2/cadences', 200, { metadata: {}, data: [] });
    await connector.run('list_cadences', { people_addable: true, per_page: 100 });
    expect(seen()?.query).toEqual({ people_addable: 'true', per_page: '100' });
  });

  test('get_cadence fetches by id', async () => {
    const cadence = json('../samples/get_cadence/output.json');
    const seen = intercept('GET', '/v2/cadences/12345', 200, cadence);
    await expect(connector.run('get_cadence', { cadence_id: 12345 })).resolves.toEqual(cadence);
    expect(seen()?.path).toBe('/v2/cadences/12345');
  });

  test('refuse a non-numeric cadence id and the API name of a renamed filter', async () => {
    await expectRefused('get_cadence', { cadence_id: '12a' }, ['cadence_id']);
    await expectRefused('list_cadences', { cadence_ids: ['abc'] }, ['cadence_ids[0]']);
    await expectRefused('list_cadences', { ids: [1] }, ['ids']);
  });
});

describe('create_cadence_membership', () => {
  const membership = json('../samples/create_cadence_membership/output.json');

  test('sends person_id, cadence_id, user_id, step_id and task_id as query parameters, with no body', async () => {
    const seen = intercept('POST', '/v2/cadence_memberships', 200, membership);
    const output = await connector.run('create_cadence_membership', { fields: { person_id: 12345, cadence_id: '67890', user_id: 54321, step_id: 2468, task_id: 99 } });
    expect(output).toEqual(membership);
    expect(seen()).toEqual({
      method: 'POST',
      path: '/v2/cadence_memberships',
      query: { person_id: '12345', cadence_id: '67890', user_id: '54321', step_id: '2468', task_id: '99' },
      body: null,
      contentType: undefined,
    });
  });

  test('only person_id and cadence_id are needed', async () => {
    const seen = intercept('POST', '/v2/cadence_memberships', 200, membership);
    await connector.run('create_cadence_membership', { fields: { person_id: 1, cadence_id: 2 } });
    expect(seen()).toMatchObject({ query: { person_id: '1', cadence_id: '2' }, body: null });
  });

  test("the step dropdown depends on the chosen cadence", async () => {
    const schema = await inputSchemaOf('create_cadence_membership');
    expect(schema.properties.fields.properties.step_id.lookup).toEqual({ operation: 'list_steps_ddl', input: { cadence_id: '{{{cadence_id}}}' } });
    expect(schema.properties.fields.properties.cadence_id.lookup).toEqual({ operation: 'list_cadences_ddl', input: {} });
  });

  test('refuses a membership without a cadence', async () => {
    await expectRefused('create_cadence_membership', { fields: { person_id: 12345 } }, ['fields.cadence_id']);
    await expectRefused('create_cadence_membership', { person_id: 1, cadence_id: 2 }, ['fields']);
  });
});

describe('cadence memberships', () => {
  test('get and delete by id', async () => {
    const membership = json('../samples/get_cadence_membership/output.json');
    intercept('GET', '/v2/cadence_memberships/12345', 200, membership);
    await expect(connector.run('get_cadence_membership', { cadence_membership_id: 12345 })).resolves.toEqual(membership);
    const seen = intercept('DELETE', '/v2/cadence_memberships/12345', 204);
    await expect(connector.run('delete_cadence_membership', { cadence_membership_id: '12345' })).resolves.toEqual({ success: true });
    expect(seen()?.body).toBeNull();
  });

  test('list_cadence_memberships sends person_id and cadence_id as single values', async () => {
    const seen = intercept('GET', '/v2/cadence_memberships', 200, { metadata: {}, data: [] });
    await connector.run('list_cadence_memberships', { person_id: 5, cadence_id: 6, currently_on_cadence: false, cadence_membership_ids: [7] });
    expect(seen()?.query).toEqual({ person_id: '5', cadence_id: '6', currently_on_cadence: 'false', 'ids[]': ['7'] });
  });

  test('refuse bad ids and sort keys', async () => {
    await expectRefused('get_cadence_membership', { cadence_membership_id: -1 }, ['cadence_membership_id']);
    await expectRefused('delete_cadence_membership', { cadence_membership_id: '1.5' }, ['cadence_membership_id']);
    await expectRefused('list_cadence_memberships', { person_id: [1, 2] }, ['person_id']);
    await expectRefused('list_cadence_memberships', { sort_by: 'created_at' }, ['sort_by']);
  });
});

// ---- steps and tags ------------------------------------------------------------------------------

describe('steps and tags', () => {
  test('list_steps filters by cadence, type and due actions; step ids look up the steps of that cadence', async () => {
    const seen = intercept('GET', '/v2/steps', 200, { metadata: {}, data: [] });
    await connector.run('list_steps', { cadence_id: 67890, type: 'email', has_due_actions: true, step_ids: [1] });
    expect(seen()?.query).toEqual({ cadence_id: '67890', type: 'email', has_due_actions: 'true', 'ids[]': ['1'] });
    const schema = await inputSchemaOf('list_steps');
    expect(schema.properties.step_ids.items.lookup).toEqual({ operation: 'list_steps_ddl', input: { cadence_id: '{{{cadence_id}}}' } });
  });

  test('get_step fetches by id', async () => {
    const step = json('../samples/get_step/output.json');
    intercept('GET', '/v2/steps/2468', 200, step);
    await expect(connector.run('get_step', { step_id: 2468 })).resolves.toEqual(step);
  });

  test('list_tags sends search and ids', async () => {
    const seen = intercept('GET', '/v2/tags', 200, { metadata: {}, data: [{ id: 1, name: 'VIP' }] });
    await connector.run('list_tags', { search: 'vi', tag_ids: [1, 2], sort_by: 'name' });
    expect(seen()?.query).toEqual({ search: 'vi', 'ids[]': ['1', '2'], sort_by: 'name' });
  });

  test('refuse unknown step types, missing ids and unknown tag sorts', async () => {
    await expectRefused('list_steps', { type: 'linkedin' }, ['type']);
    await expectRefused('get_step', {}, ['step_id']);
    await expectRefused('list_tags', { sort_by: 'updated_at' }, ['sort_by']);
  });
});

// ---- users and groups ----------------------------------------------------------------------------

describe('list_users', () => {
  const everyone = realResponse('read-list-users.json');

  test('without page it sends no paging parameters and returns every user, with no metadata.paging', async () => {
    const seen = intercept('GET', '/v2/users', 200, everyone);
    const output = await connector.run('list_users', { active: true });
    expect(output).toEqual(everyone);
    expect(seen()?.query).toEqual({ active: 'true' });
    expect((output as { metadata: Record<string, unknown> }).metadata.paging).toBeUndefined();
  });

  test('with page it pages', async () => {
    const seen = intercept('GET', '/v2/users', 200, { metadata: { paging: { per_page: 50, current_page: 2, next_page: null, prev_page: 1 } }, data: [] });
    await connector.run('list_users', { page: 2, per_page: 50, include_paging_counts: true, group_id: ['_is_null', 12], role_id: ['Admin'] });
    expect(seen()?.query).toEqual({ page: '2', per_page: '50', include_paging_counts: 'true', 'group_id[]': ['_is_null', '12'], 'role_id[]': ['Admin'] });
  });

  test("seed 002's sample output and the real unpaged response validate", async () => {
    expect(schemaProblems('list_users', 'output', json('../samples/list_users/output.json'))).toEqual([]);
    expect(schemaProblems('list_users', 'output', everyone)).toEqual([]);
  });

  test('per_page without page is refused (SalesLoft would return every user anyway)', async () => {
    // A schema `dependencies` rule: the problem names both fields (its path is the object holding them).
    const error = await expectRefused('list_users', { per_page: 10 }, []);
    expect(JSON.stringify(error.problems)).toMatch(/per_page/);
    expect(JSON.stringify((await expectRefused('list_users', { include_paging_counts: true }, [])).problems)).toMatch(/include_paging_counts/);
    await expectRefused('list_users', { page: 0 }, ['page']);
  });
});

describe('get_user / list_groups', () => {
  test('get_user fetches by id', async () => {
    const user = json('../samples/get_user/output.json');
    intercept('GET', '/v2/users/12345', 200, user);
    await expect(connector.run('get_user', { user_id: 12345 })).resolves.toEqual(user);
  });

  test('list_groups has no paging inputs and its output has no metadata.paging', async () => {
    const schema = await inputSchemaOf('list_groups');
    expect(Object.keys(schema.properties).sort()).toEqual(['access_token', 'group_ids', 'sort_by', 'sort_direction']);
    const groups = json('../samples/list_groups/output.json') as { metadata: Record<string, unknown> };
    expect(groups.metadata.paging).toBeUndefined();
    const seen = intercept('GET', '/v2/groups', 200, groups);
    await expect(connector.run('list_groups', { group_ids: [9876] })).resolves.toEqual(groups);
    expect(seen()?.query).toEqual({ 'ids[]': ['9876'] });
    expect(schemaProblems('list_groups', 'output', groups)).toEqual([]);
  });

  test('refuse a bad user id and paging inputs for groups', async () => {
    await expectRefused('get_user', { user_id: 'me' }, ['user_id']);
    await expectRefused('list_groups', { page: 1 }, ['page']);
  });
});
