// The local SalesLoft sandbox: routes of operations.tsv, envelopes, paging, filters, validation, rate limit,
// bulk jobs, faults and the CLI entry point. Every test talks HTTP to an in-process sandbox on a free port.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSandboxCli } from '../sandbox/main.js';
import { defaultSeed, startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Reply {
  status: number;
  headers: Headers;
  body: Json;
}

interface CallOptions {
  body?: unknown;
  form?: string;
  token?: string | null;
}

function client(sb: Sandbox) {
  return async function api(method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? 'test-token'}`;
    let body: string | undefined;
    if (opts.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = opts.form;
    } else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(sb.url + path, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
  };
}

async function withSandbox(options: SandboxOptions, fn: (sb: Sandbox, api: ReturnType<typeof client>) => Promise<void>): Promise<void> {
  const sb = await startSandbox(options);
  try {
    await fn(sb, client(sb));
  } finally {
    await sb.close();
  }
}

let sb: Sandbox;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sb = await startSandbox({ rateLimit: { budget: 100_000 } });
  api = client(sb);
});

afterAll(async () => {
  await sb.close();
});

// GET list routes of operations.tsv (main and ddl) with page/per_page paging, and their seed collection.
const PAGED_LISTS: Array<[string, string]> = [
  ['/v2/account_stages', 'account_stages'],
  ['/v2/account_tiers', 'account_tiers'],
  ['/v2/accounts', 'accounts'],
  ['/v2/actions', 'actions'],
  ['/v2/cadence_memberships', 'cadence_memberships'],
  ['/v2/cadences', 'cadences'],
  ['/v2/call_data_records', 'call_data_records'],
  ['/v2/call_dispositions', 'call_dispositions'],
  ['/v2/call_sentiments', 'call_sentiments'],
  ['/v2/activities/calls', 'calls'],
  ['/v2/crm_activities', 'crm_activities'],
  ['/v2/crm_activity_fields', 'crm_activity_fields'],
  ['/v2/custom_fields', 'custom_fields'],
  ['/v2/activities/emails', 'emails'],
  ['/v2/imports', 'imports'],
  ['/v2/notes', 'notes'],
  ['/v2/people', 'people'],
  ['/v2/person_stages', 'person_stages'],
  ['/v2/steps', 'steps'],
  ['/v2/tags', 'tags'],
  ['/v2/tasks', 'tasks'],
];

// GET /{id} routes of operations.tsv with a seeded id.
const GET_ROUTES: Array<[string, number]> = [
  ['/v2/accounts', 2001],
  ['/v2/bulk_jobs', 301],
  ['/v2/cadences', 501],
  ['/v2/cadence_memberships', 9701],
  ['/v2/activities/calls', 4001],
  ['/v2/custom_fields', 111],
  ['/v2/activities/emails', 6001],
  ['/v2/imports', 131],
  ['/v2/notes', 7001],
  ['/v2/people', 3001],
  ['/v2/person_stages', 21],
  ['/v2/steps', 601],
  ['/v2/tasks', 8001],
  ['/v2/users', 1001],
];

describe('list routes: envelope and paging', () => {
  test.each(PAGED_LISTS)('%s pages with per_page/next_page and paging counts', async (path) => {
    const first = await api('GET', `${path}?per_page=1&include_paging_counts=true`);
    expect(first.status).toBe(200);
    const { metadata, data } = first.body;
    expect(Object.keys(first.body).sort()).toEqual(['data', 'metadata']);
    expect(metadata.filtering).toEqual({});
    expect(typeof metadata.sorting.sort_by).toBe('string');
    expect(metadata.paging).toMatchObject({ per_page: 1, current_page: 1, next_page: 2, prev_page: null });
    expect(data).toHaveLength(1);
    const total: number = metadata.paging.total_count;
    expect(total).toBeGreaterThanOrEqual(2);
    expect(metadata.paging.total_pages).toBe(total);

    const last = await api('GET', `${path}?per_page=1&page=${total}`);
    expect(last.body.metadata.paging).toMatchObject({ current_page: total, next_page: null, prev_page: total - 1 });
    expect(last.body.metadata.paging.total_count).toBeUndefined();
    expect(last.body.data).toHaveLength(1);

    const past = await api('GET', `${path}?per_page=1&page=${total + 1}`);
    expect(past.status).toBe(200);
    expect(past.body.data).toEqual([]);

    const all = await api('GET', `${path}?per_page=100`);
    expect(all.body.data).toHaveLength(total);
    const ids = all.body.data.map((r: Json) => r.id);
    expect(new Set(ids).size).toBe(total);
  });

  test.each(PAGED_LISTS)('%s is also served with the legacy .json suffix', async (path) => {
    const plain = await api('GET', `${path}?per_page=100`);
    const legacy = await api('GET', `${path}.json?per_page=100`);
    expect(legacy.status).toBe(200);
    expect(legacy.body.data.map((r: Json) => r.id)).toEqual(plain.body.data.map((r: Json) => r.id));
  });

  test('per_page out of range is corrected silently; default is 25', async () => {
    expect((await api('GET', '/v2/people?per_page=500')).body.metadata.paging.per_page).toBe(100);
    expect((await api('GET', '/v2/people?per_page=0')).body.metadata.paging.per_page).toBe(1);
    expect((await api('GET', '/v2/people?per_page=abc')).body.metadata.paging.per_page).toBe(25);
    expect((await api('GET', '/v2/people')).body.metadata.paging).toEqual({ per_page: 25, current_page: 1, next_page: null, prev_page: null });
  });

  test('default sorts: updated_at DESC; dispositions name ASC; tags name; tasks due_date ASC', async () => {
    const people = (await api('GET', '/v2/people?per_page=100')).body;
    expect(people.metadata.sorting).toEqual({ sort_by: 'updated_at', sort_direction: 'DESC NULLS LAST' });
    const updated = people.data.map((p: Json) => Date.parse(p.updated_at));
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);

    const dispositions = (await api('GET', '/v2/call_dispositions')).body;
    expect(dispositions.metadata.sorting.sort_by).toBe('name');
    expect(dispositions.data.map((d: Json) => d.name)).toEqual(['Connected', 'Left Voicemail', 'Meeting Booked', 'No Answer', 'Not Interested']);

    expect((await api('GET', '/v2/tags')).body.metadata.sorting.sort_by).toBe('name');
    expect((await api('GET', '/v2/crm_activity_fields')).body.data.map((f: Json) => f.title)).toEqual(['Call Outcome', 'Call Type', 'Email Category']);
    const tasks = (await api('GET', '/v2/tasks')).body.data.map((t: Json) => t.due_date);
    expect([...tasks].sort()).toEqual(tasks);
  });

  test('sort_by and sort_direction; an invalid sort_by is a 422', async () => {
    const asc = await api('GET', '/v2/accounts?sort_by=name&sort_direction=ASC');
    expect(asc.body.data.map((a: Json) => a.name)).toEqual(['Contoso Retail', 'Globex Corporation', 'Initech', 'Northwind Traders', 'Stark Logistics', 'Umbrella Health']);
    expect(asc.body.metadata.sorting).toEqual({ sort_by: 'name', sort_direction: 'ASC NULLS FIRST' });
    const bad = await api('GET', '/v2/people?sort_by=shoe_size');
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({ errors: { sort_by: ['is not included in the list'] } });
  });
});

describe('unpaged and cursor lists', () => {
  test('groups: all records, metadata without paging', async () => {
    const res = await api('GET', '/v2/groups?per_page=1&page=2');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.metadata).sort()).toEqual(['filtering', 'sorting']);
    expect(res.body.data.map((g: Json) => g.name).sort()).toEqual(['Customer Success', 'Sales']);
    expect((await api('GET', '/v2/groups.json')).body.data).toHaveLength(2);
  });

  test('users: all (visible) users without page, paged with page', async () => {
    const all = await api('GET', '/v2/users?per_page=1');
    expect(all.body.metadata.paging).toBeUndefined();
    expect(all.body.metadata.sorting).toEqual({ sort_by: 'id', sort_direction: 'DESC NULLS LAST' });
    expect(all.body.data.map((u: Json) => u.id)).toEqual([67890, 54321, 51550, 12345, 1004, 1003, 1002, 1001]);
    const paged = await api('GET', '/v2/users?page=1&per_page=2');
    expect(paged.body.metadata.paging).toMatchObject({ per_page: 2, current_page: 1, next_page: 2 });
    expect(paged.body.data).toHaveLength(2);
    const everyone = await api('GET', '/v2/users?visible_only=false');
    expect(everyone.body.data).toHaveLength(9);
    const user = all.body.data.find((u: Json) => u.id === 1001);
    expect(user).toMatchObject({ name: 'Maya Chen', role: { id: 'Admin' }, active: true, time_zone: 'US/Eastern' });
    expect(user.group).toEqual({ _href: `${sb.url}/v2/groups/11`, id: 11 });
    expect(user.team.id).toBe(111855);
  });

  test('users filters: search, guid, group_id _is_null, role_id', async () => {
    const names = async (q: string) => (await api('GET', `/v2/users?visible_only=false&${q}`)).body.data.map((u: Json) => u.name).sort();
    expect(await names('search=pat')).toEqual(['Priya Patel']);
    expect(await names('search=northbeam.io%20maya')).toEqual(['Maya Chen']);
    expect(await names('guid[]=5b1f4c2e-9d3a-4e8b-a6f1-2c7d9e0b4a13')).toEqual(['Jordan Reyes']);
    expect(await names('group_id[]=_is_null')).toEqual(['Alex Kim']);
    expect(await names('role_id[]=Admin')).toEqual(['Maya Chen']);
    expect(await names('active=false')).toEqual(['Alex Kim']);
  });

  test('me, team and caller ids are unpaged single answers', async () => {
    const me = await api('GET', '/v2/me');
    expect(me.body.data).toMatchObject({ id: 1001, email: 'maya.chen@northbeam.io' });
    expect((await api('GET', '/v2/me.json')).body.data.id).toBe(1001);
    expect((await api('GET', '/v2/team')).body.data.id).toBe(111855);
    const ids = await api('GET', '/v2/phone_numbers/caller_ids?phone_number=%2B12065550142');
    expect(ids.body).toEqual({
      data: [{ display_name: 'Olivia Martinez', title: 'VP of Sales', account_name: 'Northwind Traders', person: { _href: `${sb.url}/v2/people/3001`, id: 3001 } }],
    });
  });

  test('get routes return {data} and 404 for an unknown id', async () => {
    for (const [path, id] of GET_ROUTES) {
      const res = await api('GET', `${path}/${id}`);
      expect([path, res.status, res.body.data.id]).toEqual([path, 200, id]);
      expect(typeof res.body.data.created_at).toBe('string');
      const missing = await api('GET', `${path}/999999`);
      expect([path, missing.status, missing.body]).toEqual([path, 404, { error: 'Not Found' }]);
    }
  });

  test('records embed related records as {_href, id} and carry microsecond timestamps', async () => {
    const person = (await api('GET', '/v2/people/3001')).body.data;
    expect(person.owner).toEqual({ _href: `${sb.url}/v2/users/1002`, id: 1002 });
    expect(person.account).toEqual({ _href: `${sb.url}/v2/accounts/2001`, id: 2001 });
    expect(person.person_stage).toEqual({ _href: `${sb.url}/v2/person_stages/22`, id: 22 });
    expect(person.cadences).toEqual([{ _href: `${sb.url}/v2/cadences/501`, id: 501 }]);
    expect(person.counts).toMatchObject({ calls: 1, emails_sent: 1, emails_replied_to: 1 });
    expect(person.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$/);
    const steps = (await api('GET', '/v2/steps?cadence_id=501')).body.data;
    expect(steps.map((s: Json) => s.display_name).sort()).toEqual(['Day 1: Step 1 - Email', 'Day 1: Step 2 - Phone', 'Day 3: Step 1 - Other']);
    const account = (await api('GET', '/v2/accounts/2001')).body.data;
    expect(account.counts).toEqual({ people: 2 });
    expect(account.company_stage).toEqual({ _href: `${sb.url}/v2/account_stages/32`, id: 32 });
  });

  test('unknown routes are 404 {status, error}; bulk jobs have no .json alias', async () => {
    expect(await api('GET', '/v2/unicorns')).toMatchObject({ status: 404, body: { status: 404, error: 'Not Found' } });
    expect((await api('PATCH', '/v2/people/3001')).status).toBe(404);
    expect((await api('GET', '/v2/bulk_jobs.json')).status).toBe(404);
    expect((await api('GET', '/v2/bulk_jobs/301')).status).toBe(200);
  });
});

describe('filters', () => {
  const ids = async (path: string) => {
    const res = await api('GET', path);
    expect(res.status).toBe(200);
    return res.body.data.map((r: Json) => r.id).sort((a: number, b: number) => a - b);
  };

  test('ids in Rails form, comma form, and echoed in metadata.filtering', async () => {
    expect(await ids('/v2/people?ids[]=3001&ids[]=3003')).toEqual([3001, 3003]);
    expect(await ids('/v2/people?ids=3002,3004')).toEqual([3002, 3004]);
    const res = await api('GET', '/v2/accounts?updated_at[gte]=2024-03-01T00:00:00.000000Z&unknown_filter=1');
    expect(res.body.metadata.filtering).toEqual({ updated_at: { gte: '2024-03-01T00:00:00.000000Z' } });
    expect(res.body.data.map((a: Json) => a.id).sort()).toEqual([2001, 2004]);
  });

  test('people filters', async () => {
    expect(await ids('/v2/people?email_addresses[]=OLIVIA.MARTINEZ@northwindtraders.com')).toEqual([3001]);
    expect(await ids('/v2/people?email_addresses[]=_is_null')).toEqual([3012]);
    expect(await ids('/v2/people?owner_id[]=1003')).toEqual([3004, 3005]);
    expect(await ids('/v2/people?person_stage_id[]=_is_null')).toEqual([3007, 3011, 3012]);
    expect(await ids('/v2/people?account_id[]=2002')).toEqual([3003, 3011]);
    expect(await ids('/v2/people?cadence_id[]=501')).toEqual([3001, 3003, 3006]);
    expect(await ids('/v2/people?crm_id[]=0035e00000Xy1AbAAJ')).toEqual([3001]);
    expect(await ids('/v2/people?tag_id[]=96')).toEqual([3004, 3005, 3009]);
    expect(await ids('/v2/people?custom_fields[Lead%20Source]=dreamforce')).toEqual([3001, 3006]);
    expect(await ids('/v2/people?created_at[gte]=2024-02-20T00:00:00-05:00&created_at[lt]=2024-02-21T00:00:00-05:00')).toEqual([3011]);
  });

  test('account filters', async () => {
    expect(await ids('/v2/accounts?name[]=Initech')).toEqual([2003]);
    expect(await ids('/v2/accounts?name[]=initech')).toEqual([]);
    expect(await ids('/v2/accounts?domain=GLOBEX.com')).toEqual([2002]);
    expect(await ids('/v2/accounts?owner_id[]=_is_null')).toEqual([2005]);
    expect(await ids('/v2/accounts?account_stage_id[]=32')).toEqual([2001, 2004]);
    expect(await ids('/v2/accounts?account_tier_id[]=42')).toEqual([2002, 2004]);
    expect(await ids('/v2/accounts?tag[]=partner')).toEqual([2002, 2004]);
    expect(await ids('/v2/accounts?archived=true')).toEqual([2005]);
  });

  test('other resources', async () => {
    expect(await ids('/v2/tags?search=LEAD')).toEqual([93]);
    expect(await ids('/v2/cadence_memberships?cadence_id=502&currently_on_cadence=true')).toEqual([9704]);
    expect(await ids('/v2/activities/calls?disposition[]=Connected')).toEqual([4001]);
    expect(await ids('/v2/activities/calls?user_guid[]=5b1f4c2e-9d3a-4e8b-a6f1-2c7d9e0b4a13')).toEqual([4001, 4003]);
    expect(await ids('/v2/steps?type=phone')).toEqual([602, 605, 2470]);
    expect(await ids('/v2/notes?associated_with_type=Account&associated_with_id=2001')).toEqual([7002]);
    expect(await ids('/v2/tasks?current_state[]=completed')).toEqual([8003]);
    expect(await ids('/v2/custom_fields?field_type=company')).toEqual([113, 114]);
    expect(await ids('/v2/crm_activity_fields?source=email')).toEqual([123]);
    expect(await ids('/v2/call_sentiments?name=Neutral')).toEqual([82]);
    expect(await ids('/v2/cadences?team_cadence=true')).toEqual([501]);
    expect(await ids('/v2/cadences?owned_by_guid[]=5b1f4c2e-9d3a-4e8b-a6f1-2c7d9e0b4a13')).toEqual([502]);
    expect(await ids('/v2/actions')).toEqual([3301, 9001, 9002, 9003]); // only in_progress
  });

  test('has_call separates linked and unlinked call data records', async () => {
    expect(await ids('/v2/call_data_records?has_call=false')).toEqual([5005, 5006, 5007, 9101]);
    expect(await ids('/v2/call_data_records?has_call=true')).toEqual([5001, 5002, 5003, 5004]);
  });
});

describe('auth and rate limit', () => {
  test('401 without a Bearer token', async () => {
    const expected = { error: 'No Bearer Token attached to request, please see documentation at developers.salesloft.com' };
    expect(await api('GET', '/v2/people', { token: null })).toMatchObject({ status: 401, body: expected });
    expect(await api('GET', '/v2/people', { token: '' })).toMatchObject({ status: 401, body: expected });
    expect((await api('GET', '/v2/me', { token: 'ak_anything' })).status).toBe(200);
  });

  test('every response carries the rate headers; 429 past the budget, without Retry-After', async () => {
    // An hour-long window: the five requests cannot straddle two windows.
    await withSandbox({ rateLimit: { budget: 5, windowMs: 3_600_000 } }, async (_sb, call) => {
      const remaining: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await call('GET', '/v2/tags');
        expect(res.status).toBe(200);
        expect(res.headers.get('x-ratelimit-endpoint-cost')).toBe('1');
        remaining.push(res.headers.get('x-ratelimit-remaining-minute')!);
      }
      expect(remaining).toEqual(['4', '3', '2', '1', '0']);
      const over = await call('GET', '/v2/tags');
      expect(over.status).toBe(429);
      expect(over.body).toEqual({ error: 'API rate limit exceeded' });
      expect(over.headers.get('retry-after')).toBeNull();
      expect(over.headers.get('x-ratelimit-endpoint-cost')).toBe('1');
      expect(over.headers.get('x-ratelimit-remaining-minute')).toBe('0');
    });
  });

  test('the budget refills when the window passes', async () => {
    // Windows are aligned on multiples of windowMs: call until one window is exhausted, then wait for the next.
    const windowMs = 500;
    await withSandbox({ rateLimit: { budget: 1, windowMs } }, async (_sb, call) => {
      const statuses: number[] = [];
      while (!statuses.includes(429) && statuses.length < 10) statuses.push((await call('GET', '/v2/tags')).status);
      expect(statuses).toContain(429);
      await new Promise((r) => setTimeout(r, windowMs - (Date.now() % windowMs) + 5));
      expect((await call('GET', '/v2/tags')).status).toBe(200);
    });
  });

  test('pages past 100 cost more', async () => {
    const cost = async (page: number) => (await api('GET', `/v2/people?page=${page}`)).headers.get('x-ratelimit-endpoint-cost');
    expect(await cost(100)).toBe('1');
    expect(await cost(101)).toBe('3');
    expect(await cost(150)).toBe('3');
    expect(await cost(151)).toBe('8');
    expect(await cost(251)).toBe('10');
    expect(await cost(501)).toBe('30');
    await withSandbox({ rateLimit: { budget: 10, windowMs: 3_600_000 } }, async (_sb, call) => {
      expect((await call('GET', '/v2/people?page=151')).headers.get('x-ratelimit-remaining-minute')).toBe('2');
      expect((await call('GET', '/v2/people?page=101')).status).toBe(429);
      expect((await call('GET', '/v2/people?page=1')).status).toBe(200);
    });
  });

  test('requests are recorded with query, body and authorization', async () => {
    const before = sb.requests.length;
    await api('GET', '/v2/people?ids[]=1&updated_at[gt]=2024-01-01', { token: 'tok-123' });
    await api('POST', '/v2/person_stages', { body: { name: 'Recorded Stage' } });
    const [get, post] = sb.requests.slice(before);
    expect(get).toEqual({ method: 'GET', path: '/v2/people', query: { ids: ['1'], updated_at: { gt: '2024-01-01' } }, body: undefined, authorization: 'Bearer tok-123' });
    expect(post).toMatchObject({ method: 'POST', path: '/v2/person_stages', body: { name: 'Recorded Stage' } });
  });
});

describe('writes', () => {
  let w: Sandbox;
  let call: ReturnType<typeof client>;
  beforeAll(async () => {
    w = await startSandbox();
    call = client(w);
  });
  afterAll(async () => {
    await w.close();
  });

  test('create_person: email or phone+last_name, unique email', async () => {
    const missing = await call('POST', '/v2/people', { body: { first_name: 'Nobody' } });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ errors: { email_address: ['or phone and last_name must be provided'] } });
    const phoneOnly = await call('POST', '/v2/people', { body: { phone: '+1 555 0100' } });
    expect(phoneOnly.status).toBe(422);
    const taken = await call('POST', '/v2/people', { body: { email_address: 'Olivia.Martinez@northwindtraders.com' } });
    expect(taken).toMatchObject({ status: 422, body: { errors: { email_address: ['is already taken'] } } });

    const created = await call('POST', '/v2/people', {
      body: { email_address: 'grace.hopper@navy.mil', first_name: 'Grace', last_name: 'Hopper', account_id: 2002, custom_fields: [{ key: 'Lead Source', value: 'Referral' }], tags: ['partner'] },
    });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({
      display_name: 'Grace Hopper',
      full_email_address: '"Grace Hopper" <grace.hopper@navy.mil>',
      custom_fields: { 'Lead Source': 'Referral' },
      tags: ['partner'],
      owner: { id: 1001 },
      account: { _href: `${w.url}/v2/accounts/2002`, id: 2002 },
    });
    const byPhone = await call('POST', '/v2/people', { body: { phone: '+1 555 0100', last_name: 'Lovelace' } });
    expect(byPhone.status).toBe(200);
    expect(w.store.get('people', byPhone.body.data.id)?.last_name).toBe('Lovelace');
    const badAccount = await call('POST', '/v2/people', { body: { email_address: 'x@y.com', account_id: 999 } });
    expect(badAccount).toMatchObject({ status: 422, body: { errors: { account_id: ['does not exist'] } } });
  });

  test('update, and idempotent delete of people', async () => {
    const updated = await call('PUT', '/v2/people/3002', { body: { title: 'COO', custom_fields: { 'Lead Source': 'Event' } } });
    expect(updated.body.data).toMatchObject({ id: 3002, title: 'COO', first_name: 'Ethan', custom_fields: { 'Lead Source': 'Event' } });
    expect(Date.parse(updated.body.data.updated_at)).toBeGreaterThan(Date.parse('2024-06-01'));
    const clash = await call('PUT', '/v2/people/3002', { body: { email_address: 'sofia.rossi@globex.com' } });
    expect(clash).toMatchObject({ status: 422, body: { errors: { email_address: ['is already taken'] } } });
    const first = await call('DELETE', '/v2/people/3007');
    expect(first.status).toBe(204);
    expect(first.body).toBeUndefined();
    expect((await call('DELETE', '/v2/people/3007')).status).toBe(204);
    expect((await call('GET', '/v2/people/3007')).status).toBe(404);
    expect((await call('DELETE', '/v2/people/999999')).status).toBe(404);
  });

  test('form-urlencoded bodies are accepted', async () => {
    const res = await call('POST', '/v2/accounts', { form: 'name=Acme%20Inc&domain=acme.example&tags[]=enterprise&do_not_contact=false&custom_fields[Customer%20Segment]=SMB' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ name: 'Acme Inc', domain: 'acme.example', tags: ['enterprise'], do_not_contact: false, custom_fields: { 'Customer Segment': 'SMB' } });
    const dup = await call('POST', '/v2/accounts', { body: { name: 'Acme again', domain: 'ACME.example' } });
    expect(dup).toMatchObject({ status: 422, body: { errors: { domain: ['is already taken'] } } });
    const blank = await call('POST', '/v2/accounts', { body: {} });
    expect(blank.body.errors).toEqual({ name: ["can't be blank"], domain: ["can't be blank"] });
  });

  test('validation of stages, custom fields, notes and tasks', async () => {
    expect((await call('POST', '/v2/person_stages', { body: {} })).body).toEqual({ errors: { name: ["can't be blank"] } });
    expect((await call('POST', '/v2/custom_fields', { body: { field_type: 'person' } })).body).toEqual({ errors: { name: ["can't be blank"] } });
    const note = await call('POST', '/v2/notes', { body: {} });
    expect(Object.keys(note.body.errors).sort()).toEqual(['associated_with_id', 'associated_with_type', 'content']);
    const task = await call('POST', '/v2/tasks', { body: { subject: 'x' } });
    expect(Object.keys(task.body.errors).sort()).toEqual(['due_date', 'person_id', 'task_type']);

    const okNote = await call('POST', '/v2/notes', { body: { content: 'Called back', associated_with_type: 'Person', associated_with_id: 3002 } });
    expect(okNote.body.data).toMatchObject({ associated_type: 'person', associated_with: { _href: `${w.url}/v2/people/3002`, id: 3002 } });
    const okTask = await call('POST', '/v2/tasks', { body: { subject: 'Follow up', person_id: 3002, task_type: 'call', due_date: '2030-01-15', idempotency_key: 'k1' } });
    expect(okTask.body.data).toMatchObject({ current_state: 'scheduled', due_date: '2030-01-15', user: { id: 1001 } });
    const again = await call('POST', '/v2/tasks', { body: { subject: 'Follow up', person_id: 3002, task_type: 'call', due_date: '2030-01-15', idempotency_key: 'k1' } });
    expect(again.body.data.id).toBe(okTask.body.data.id);
    expect((await call('DELETE', '/v2/person_stages/23')).status).toBe(204);
    expect(w.store.get('people', 3005)?.person_stage).toBeNull();
  });

  test('upsert_person: create, then update by the same key', async () => {
    const first = await call('POST', '/v2/person_upserts', { body: { upsert_key: 'email_address', email_address: 'ada@example.com', first_name: 'Ada' } });
    expect(first.status).toBe(200);
    expect(first.body.data.upsert_type).toBe('create');
    const id = first.body.data.person.id;
    const second = await call('POST', '/v2/person_upserts', { body: { upsert_key: 'email_address', email_address: 'ADA@example.com', last_name: 'Lovelace' } });
    expect(second.body.data).toMatchObject({ upsert_type: 'update', person: { id, first_name: 'Ada', last_name: 'Lovelace' } });
    const byId = await call('POST', '/v2/person_upserts', { body: { upsert_key: 'id', id, title: 'Analyst' } });
    expect(byId.body.data).toMatchObject({ upsert_type: 'update', person: { id, title: 'Analyst' } });
    const noKey = await call('POST', '/v2/person_upserts', { body: { email_address: 'someone.new@example.com' } });
    expect(noKey.body.data.upsert_type).toBe('create');
  });

  test('upsert_person errors: missing key value, crm_id_type, several matches', async () => {
    const missing = await call('POST', '/v2/person_upserts', { body: { upsert_key: 'email_address', first_name: 'X' } });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.errors)).toEqual(['email_address']);
    const crm = await call('POST', '/v2/person_upserts', { body: { upsert_key: 'crm_id', crm_id: '003000000000001' } });
    expect(crm).toMatchObject({ status: 422, body: { errors: { crm_id_type: ["can't be blank"] } } });
    w.store.insert('people', { email_address: 'twin1@example.com', crm_id: '003DUPLICATE', display_name: 'Twin One' });
    w.store.insert('people', { email_address: 'twin2@example.com', crm_id: '003DUPLICATE', display_name: 'Twin Two' });
    const many = await call('POST', '/v2/person_upserts', { body: { upsert_key: 'crm_id', crm_id: '003DUPLICATE', crm_id_type: 'salesforce' } });
    expect(many.status).toBe(422);
    expect(many.body.errors.upsert_key).toHaveLength(1);
  });

  test('create_cadence_membership reads person_id and cadence_id from the query (body as fallback)', async () => {
    const res = await call('POST', '/v2/cadence_memberships?person_id=3002&cadence_id=502');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      currently_on_cadence: true,
      current_state: 'active',
      person: { _href: `${w.url}/v2/people/3002`, id: 3002 },
      cadence: { _href: `${w.url}/v2/cadences/502`, id: 502 },
      user: { id: 1001 },
    });
    expect((await call('POST', '/v2/cadence_memberships?person_id=3002&cadence_id=502')).status).toBe(422);
    const fromBody = await call('POST', '/v2/cadence_memberships', { body: { person_id: 3009, cadence_id: 501 } });
    expect(fromBody.status).toBe(200);
    const missing = await call('POST', '/v2/cadence_memberships');
    expect(missing.body).toEqual({ errors: { person_id: ["can't be blank"], cadence_id: ["can't be blank"] } });
    const id = res.body.data.id;
    expect((await call('DELETE', `/v2/cadence_memberships/${id}`)).status).toBe(204);
    expect((await call('GET', `/v2/cadence_memberships/${id}`)).body.data).toMatchObject({ currently_on_cadence: false, current_state: 'removed' });
  });

  test('create_call links call data records and checks dispositions', async () => {
    const bad = await call('POST', '/v2/activities/calls', { body: { disposition: 'Sort of' } });
    expect(bad.body.errors).toEqual({ person_id: ["can't be blank"], disposition: ['is not included in the list'] });
    const res = await call('POST', '/v2/activities/calls', {
      body: { person_id: 3002, disposition: 'Connected', sentiment: 'Positive', duration: 95, notes: 'Good chat', linked_call_data_record_ids: [5005] },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ disposition: 'Connected', sentiment: 'Positive', duration: 95, called_person: { id: 3002 } });
    expect(res.body.data.note.id).toEqual(expect.any(Number));
    const unlinked = (await call('GET', '/v2/call_data_records?has_call=false')).body.data.map((c: Json) => c.id).sort();
    expect(unlinked).toEqual([5006, 5007, 9101]);
    expect((await call('GET', '/v2/call_data_records/5005')).body.data.call.id).toBe(res.body.data.id);
    const twice = await call('POST', '/v2/activities/calls', { body: { person_id: 3002, linked_call_data_record_ids: [5005] } });
    expect(twice.status).toBe(422);
  });

  test('delete_import with undo deletes its people; without undo keeps them', async () => {
    expect((await call('DELETE', '/v2/imports/132')).status).toBe(204);
    expect(w.store.get('people', 3004)).toBeDefined();
    const imp = await call('POST', '/v2/imports', { body: { name: 'Trade show' } });
    const importId = imp.body.data.id;
    const p = await call('POST', '/v2/people', { body: { email_address: 'booth@example.com', import_id: importId } });
    expect((await call('GET', `/v2/imports/${importId}`)).body.data.current_people_count).toBe(1);
    expect((await call('DELETE', `/v2/imports/${importId}?undo=bogus`)).status).toBe(422);
    expect((await call('DELETE', `/v2/imports/${importId}?undo=single`)).status).toBe(204);
    expect(w.store.get('people', p.body.data.id)).toBeUndefined();
    expect((await call('GET', `/v2/imports/${importId}`)).status).toBe(404);
  });
});

describe('bulk jobs', () => {
  test('lifecycle open -> executing -> done, results by id[gt] cursor', async () => {
    await withSandbox({}, async (s, call) => {
      expect((await call('POST', '/v2/bulk_jobs', { body: { name: 'no type' } })).body).toEqual({ errors: { type: ["can't be blank"] } });
      const job = (await call('POST', '/v2/bulk_jobs', { body: { type: 'person/upsert', name: 'Import' } })).body.data;
      expect(job).toMatchObject({ state: 'open', ready_to_execute: false, type: 'person/upsert', name: 'Import', total: 0 });

      const records = [
        { upsert_key: 'email_address', email_address: 'olivia.martinez@northwindtraders.com', title: 'SVP Sales' },
        { upsert_key: 'email_address', email_address: 'new.one@example.com', first_name: 'New' },
        { upsert_key: 'email_address', first_name: 'No email' },
      ];
      const data = await call('POST', `/v2/bulk_jobs/${job.id}/job_data`, { body: { data: records } });
      expect(data.body).toEqual({ data: { records: 3 } });
      expect((await call('GET', `/v2/bulk_jobs/${job.id}/results`)).body).toEqual({ data: [] });

      const tooMany = await call('POST', `/v2/bulk_jobs/${job.id}/job_data`, { body: { data: Array.from({ length: 5001 }, (_, i) => ({ email_address: `${i}@x.com` })) } });
      expect(tooMany.status).toBe(422);
      expect(Object.keys(tooMany.body.errors)).toEqual(['data']);

      const ready = await call('PUT', `/v2/bulk_jobs/${job.id}`, { body: { ready_to_execute: true } });
      expect(ready.body.data).toMatchObject({ state: 'executing', ready_to_execute: true });
      expect((await call('PUT', `/v2/bulk_jobs/${job.id}`, { body: { name: 'late' } })).status).toBe(422);
      expect((await call('POST', `/v2/bulk_jobs/${job.id}/job_data`, { body: { data: [{ email_address: 'late@x.com' }] } })).status).toBe(422);

      // The job runs in the background: poll until it is done.
      let done = (await call('GET', `/v2/bulk_jobs/${job.id}`)).body.data;
      while (done.state === 'executing') done = (await call('GET', `/v2/bulk_jobs/${job.id}`)).body.data;
      expect(done).toMatchObject({ state: 'done', total: 3, processed: 3, errors: 1 });
      expect(done.finished_at).toEqual(expect.any(String));

      const page1 = (await call('GET', `/v2/bulk_jobs/${job.id}/results?per_page=2`)).body.data;
      expect(page1.map((r: Json) => r.status)).toEqual(['success', 'success']);
      expect(page1[0].resource).toMatchObject({ upsert_type: 'update', person: { id: 3001, title: 'SVP Sales' } });
      expect(page1[1].resource.upsert_type).toBe('create');
      const page2 = (await call('GET', `/v2/bulk_jobs/${job.id}/results?per_page=2&id[gt]=${page1[1].id}`)).body.data;
      expect(page2).toHaveLength(1);
      expect(page2[0]).toMatchObject({ status: 'error', record: records[2], resource: null });
      expect(page2[0].error).toContain('email_address');
      expect((await call('GET', `/v2/bulk_jobs/${job.id}/results?per_page=2&id[gt]=${page2[0].id}`)).body.data).toEqual([]);
      expect((await call('GET', `/v2/bulk_jobs/${job.id}/results?status[]=error`)).body.data).toHaveLength(1);
      expect(s.store.find('people', (p) => p.email_address === 'new.one@example.com')).toHaveLength(1);

      const list = (await call('GET', '/v2/bulk_jobs?per_page=1')).body.data;
      expect(list.map((j: Json) => j.id)).toEqual([301]);
      expect((await call('GET', '/v2/bulk_jobs?per_page=1&id[gt]=12345')).body.data.map((j: Json) => j.id)).toEqual([job.id]);
    });
  });

  test('the seeded job is done with results', async () => {
    const results = (await api('GET', '/v2/bulk_jobs/301/results')).body.data;
    expect(results.map((r: Json) => r.status)).toEqual(['success', 'success', 'error']);
    expect(Object.keys(results[0]).sort()).toEqual(['error', 'id', 'record', 'resource', 'status']);
  });
});

describe('faults', () => {
  test('rate 1 answers every request with a chosen status', async () => {
    await withSandbox({ faults: { rate: 1, statuses: [503], random: () => 0 } }, async (_s, call) => {
      for (let i = 0; i < 3; i++) {
        const res = await call('GET', '/v2/people');
        expect(res.status).toBe(503);
        expect(res.body).toEqual({ status: 503, error: 'Service Unavailable' });
      }
    });
  });

  test('statuses are picked with the random source; default off', async () => {
    const seq = [0.1, 0.9, 0.1, 0.1];
    let i = 0;
    await withSandbox({ faults: { rate: 0.5, statuses: [500, 429], random: () => seq[i++ % seq.length]! } }, async (_s, call) => {
      const first = await call('GET', '/v2/people'); // 0.1 < 0.5 -> fault, 0.9 -> statuses[1]
      expect(first).toMatchObject({ status: 429, body: { error: 'API rate limit exceeded' } });
      const second = await call('GET', '/v2/people'); // 0.1 -> fault, 0.1 -> statuses[0]
      expect(second.status).toBe(500);
    });
    expect((await api('GET', '/v2/people')).status).toBe(200);
  });

  test('resetRate 1 destroys the connection: fetch rejects', async () => {
    await withSandbox({ faults: { resetRate: 1 } }, async (s, call) => {
      await expect(call('GET', '/v2/people')).rejects.toThrow();
      expect(s.requests).toHaveLength(1);
    });
  });

  test('latency delays answers', async () => {
    await withSandbox({ faults: { latencyMs: 60 } }, async (_s, call) => {
      const started = Date.now();
      expect((await call('GET', '/v2/me')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(55); // a lower bound: timers may fire a millisecond early
    });
  });
});

describe('seed and CLI', () => {
  test('a seed file replaces the built-in data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-seed-'));
    const file = join(dir, 'seed.json');
    writeFileSync(
      file,
      JSON.stringify({
        users: [{ id: 7, name: 'Solo Admin', email: 'solo@example.com', role: { id: 'Admin' } }],
        people: [{ id: 70, email_address: 'only@example.com', first_name: 'Only' }],
      }),
    );
    await withSandbox({ seed: file }, async (s, call) => {
      expect((await call('GET', '/v2/me')).body.data.id).toBe(7);
      const people = (await call('GET', '/v2/people')).body.data;
      expect(people.map((p: Json) => p.id)).toEqual([70]);
      expect(people[0]).toMatchObject({ do_not_contact: false, tags: [], custom_fields: {} });
      expect(s.store.list('accounts')).toEqual([]);
    });
    expect(defaultSeed.users).toHaveLength(9);
  });

  test('store gives direct access to the data', async () => {
    await withSandbox({}, async (s, call) => {
      const p = s.store.insert('people', { email_address: 'direct@example.com', first_name: 'Direct' });
      expect((await call('GET', `/v2/people/${p.id}`)).body.data.email_address).toBe('direct@example.com');
      expect(s.store.list('people').length).toBe(16);
    });
  });

  test('runSandboxCli prints the URL and stops on abort', async () => {
    const lines: string[] = [];
    const controller = new AbortController();
    let resolveListening: (url: string) => void = () => undefined;
    const listening = new Promise<string>((r) => (resolveListening = r));
    const done = runSandboxCli(['--port', '0', '--quiet'], {
      signal: controller.signal,
      print: (line) => {
        lines.push(line);
        const m = /^SalesLoft sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (m) resolveListening(m[1]!);
      },
    });
    const url = await listening;
    const res = await fetch(`${url}/v2/me`, { headers: { authorization: 'Bearer cli' } });
    expect(res.status).toBe(200);
    controller.abort();
    await done;
    expect(lines[lines.length - 1]).toBe('SalesLoft sandbox stopped');
    await expect(runSandboxCli(['--port', 'abc'])).rejects.toThrow('--port');
  });
});
