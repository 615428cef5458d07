// connector.paginate: every list operation of the registry walked against a nock list that honours the
// walk's parameters; the keyset walk with equal timestamps; records changed during a walk (sandbox);
// page 100; limits; a failing page.

import nock from 'nock';
import { ApiError, createConnector, DeepPagesError } from '../connector/index.js';
import { listOperations, strategyOf, type WalkStats } from '../connector/paginate.js';
import { startSandbox } from '../sandbox/server.js';
import { baseUrl, fakeList, registry, requiredSampleInput, type FakeRecord } from './support.js';

const connector = createConnector({ accessToken: 'test-token', env: {}, retries: 0 });

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const times = (n: number, at: (i: number) => string): FakeRecord[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, updated_at: at(i) }));
const distinctTimes = (i: number): string => new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString().replace('Z', '123456Z');

const walkAll = async (name: string, input: Record<string, unknown> = {}, options = {}): Promise<{ ids: number[]; stats: WalkStats }> => {
  const walk = connector.paginate(name, input, options);
  const ids: number[] = [];
  for await (const record of walk) ids.push(record.id as number);
  return { ids, stats: walk.stats };
};

const lists = listOperations(registry);

test('the list operations are derived from the registry, with the strategy their input schema allows', () => {
  const byName = Object.fromEntries(lists.map((entry) => [entry.operation.name, strategyOf(entry)]));
  expect(byName).toMatchObject({ list_people: 'keyset', list_calls: 'keyset', list_bulk_job_results: 'id', list_users: 'pages', list_tags: 'pages', list_groups: 'single' });
  expect(lists.every((entry) => entry.operation.kind === 'main' && entry.operation.name.startsWith('list_'))).toBe(true);
});

describe.each(lists.map((entry) => [entry.operation.name, entry] as const))('%s', (name, entry) => {
  test('yields every record exactly once, through requests its strategy allows', async () => {
    const strategy = strategyOf(entry);
    const count = strategy === 'single' ? 7 : 250;
    const sent = fakeList(times(count, distinctTimes), { pages: strategy !== 'id' });
    const { ids, stats } = await walkAll(name, requiredSampleInput(name));
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(stats.records).toBe(count);
    expect(stats.requests).toBe(sent.length);
    for (const request of sent) {
      expect(request.path).toBe(sent[0].path);
      if (strategy === 'keyset') expect(request.query).toMatchObject({ sort_by: 'updated_at', sort_direction: 'ASC', per_page: '100' });
      if (strategy === 'keyset' || strategy === 'id') expect(request.query.page).toBeUndefined();
      if (strategy === 'pages') expect(Number(request.query.page)).toBeLessThanOrEqual(100);
    }
    if (strategy === 'keyset') expect(sent[1].query['updated_at[gte]']).toBe(distinctTimes(99));
    if (strategy === 'id') expect(sent[1].query['id[gt]']).toBe('100');
  });
});

describe('keyset walk', () => {
  test('records sharing a timestamp across pages are neither skipped nor repeated', async () => {
    // 20 distinct, then 230 at one microsecond (more than two pages of them), then 30 more.
    const shared = '2024-02-01T00:00:00.000001Z';
    const records = [...times(20, distinctTimes), ...times(230, () => shared).map((r, i) => ({ ...r, id: 21 + i })), ...times(30, (i) => `2024-03-01T00:00:${String(i).padStart(2, '0')}.5Z`).map((r, i) => ({ ...r, id: 251 + i }))];
    const sent = fakeList(records, { pages: true });
    const { ids } = await walkAll('list_people');
    expect(ids).toEqual(Array.from({ length: 280 }, (_, i) => i + 1));
    expect(sent.some((request) => request.query['updated_at[lte]'] === shared && request.query['updated_at[gte]'] === shared)).toBe(true);
    expect(sent.at(-1)?.query['updated_at[gte]'] ?? sent.at(-1)?.query['updated_at[gt]']).toBeDefined();
  });

  test('records leaving a run of equal timestamps while it is read do not push others out of sight', async () => {
    const shared = '2024-02-01T00:00:00.000001Z';
    const records = times(250, () => shared);
    const sent = fakeList(records, { pages: true });
    const seen: number[] = [];
    for await (const person of connector.paginate('list_people')) {
      seen.push(person.id as number);
      // Mid-slice, 30 records already read are updated: the slice shrinks and later pages shift forward.
      if (seen.length === 150) for (const record of records.slice(0, 30)) record.updated_at = '2024-03-01T00:00:00Z';
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(sent.some((request) => request.query.include_paging_counts === 'true')).toBe(true);
  });

  test('an endpoint that ignores the cursor ends the walk with an error instead of looping', async () => {
    nock(baseUrl).persist().get('/v2/people').query(true).reply(200, { metadata: {}, data: times(100, distinctTimes) });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const person of connector.paginate('list_people')) seen.push(person.id);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(100);
    expect((error as Error).message).toMatch(/records updated before the updated_at\[gte\] cursor/);
  });

  test('timestamps in another offset or precision compare by instant', async () => {
    const records = [
      { id: 1, updated_at: '2024-01-01T00:00:00.000000-05:00' },
      { id: 2, updated_at: '2024-01-01T05:00:00Z' }, // the same instant as 1
      { id: 3, updated_at: '2024-01-01T05:00:00.000001Z' },
    ];
    fakeList(records, { pages: true });
    const { ids } = await walkAll('list_people', {}, { perPage: 1 });
    expect(ids).toEqual([1, 2, 3]);
  });

  test("the caller's own filters and updated_at bounds are kept", async () => {
    const sent = fakeList(times(5, distinctTimes), { pages: true });
    await walkAll('list_people', { person_stage_id: [21], updated_at: { gt: distinctTimes(0), lt: distinctTimes(4) } });
    expect(sent[0].query).toMatchObject({ 'person_stage_id[]': ['21'], 'updated_at[gt]': distinctTimes(0), 'updated_at[lt]': distinctTimes(4) });
  });

  test('a caller sorting by another key walks page numbers in that order', async () => {
    const sent = fakeList(times(150, distinctTimes), { pages: true });
    const { ids, stats } = await walkAll('list_people', { sort_by: 'name' });
    expect(ids).toHaveLength(150);
    expect(stats.strategy).toBe('pages');
    expect(sent.map((request) => request.query.page)).toEqual(['1', '2']);
  });

  test('against the sandbox, records updated and created during the walk are seen once, none lost', async () => {
    const sandbox = await startSandbox({ rateLimit: { budget: 100_000 } });
    try {
      const live = createConnector({ baseUrl: sandbox.url, accessToken: 'sandbox-token', env: {}, retries: 0 });
      const before = sandbox.store.list('people').map((person) => person.id);
      const seen: number[] = [];
      let changed = false;
      for await (const person of live.paginate('list_people', {}, { perPage: 3 })) {
        seen.push(person.id as number);
        if (seen.length === 4 && !changed) {
          changed = true;
          sandbox.store.update('people', seen[0], { title: 'Changed (read already)' });
          sandbox.store.update('people', before.find((id) => !seen.includes(id))!, { title: 'Changed (not read yet)' });
          sandbox.store.insert('people', { first_name: 'New', last_name: 'During walk' });
        }
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.sort((a, b) => a - b)).toEqual(sandbox.store.list('people').map((person) => person.id));
      expect(seen.length).toBe(before.length + 1);
    } finally {
      await sandbox.close();
    }
  });
});

describe('page numbers', () => {
  test('are read oldest first where the list sorts so, so that updates during the walk shift nothing', async () => {
    const sandbox = await startSandbox({ rateLimit: { budget: 100_000 } });
    try {
      const live = createConnector({ baseUrl: sandbox.url, accessToken: 'sandbox-token', env: {}, retries: 0 });
      for (let n = 0; n < 5; n++) sandbox.store.insert('person_stages', { name: `Stage ${n}` });
      const seen: number[] = [];
      for await (const stage of live.paginate('list_person_stages', {}, { perPage: 2 })) {
        // In SalesLoft's default order (newest update first) this would push every unread stage one place on.
        if (seen.push(stage.id as number) === 1) for (const other of sandbox.store.list('person_stages').slice(2)) sandbox.store.update('person_stages', other.id as number, { name: `${other.name} (renamed)` });
      }
      expect(seen).toEqual(sandbox.store.list('person_stages').map((stage) => stage.id));
      expect(sandbox.requests[0].query).toMatchObject({ sort_by: 'created_at', sort_direction: 'ASC', page: '1' });
    } finally {
      await sandbox.close();
    }
  });

  test('a walk stops before page 101 unless allowed, with the records already yielded', async () => {
    // Pages of 10, so that page 101 comes after 1,000 records.
    const sent = fakeList(times(1_005, distinctTimes), { pages: true });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const user of connector.paginate('list_users', {}, { perPage: 10 })) seen.push(user.id as number);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeepPagesError);
    expect((error as Error).message).toMatch(/3 rate-limit points.*allowDeepPages/);
    expect(seen).toHaveLength(1_000);
    expect(sent).toHaveLength(100);
  });

  test('allowDeepPages reads on and warns what the pages cost', async () => {
    fakeList(times(1_005, distinctTimes), { pages: true });
    const warnings: string[] = [];
    const { ids, stats } = await walkAll('list_users', {}, { perPage: 10, allowDeepPages: true, warn: (text: string) => warnings.push(text) });
    expect(ids).toHaveLength(1_005);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/past page 100.*3 points/);
    expect(stats.rateLimitCost).toBe(100 + 3);
  });
});

describe('limits and failures', () => {
  test('limit stops early, asking only for what it needs', async () => {
    const sent = fakeList(times(500, distinctTimes), { pages: true });
    const { ids } = await walkAll('list_people', {}, { limit: 30 });
    expect(ids).toHaveLength(30);
    expect(sent).toHaveLength(1);
    expect(sent[0].query.per_page).toBe('30');
  });

  test('toArray needs a limit', async () => {
    await expect(connector.paginate('list_people').toArray()).rejects.toThrow(/needs a limit/);
    fakeList(times(120, distinctTimes), { pages: true });
    expect(await connector.paginate('list_people', {}, { limit: 110 }).toArray()).toHaveLength(110);
  });

  test('a non-list operation and a bad limit are refused before anything is sent', async () => {
    await expect(connector.paginate('get_person', { person_id: 1 }, { limit: 1 }).toArray()).rejects.toThrow(/not a list operation/);
    expect(() => connector.paginate('list_people', {}, { limit: -1 })).toThrow(/limit must be a whole number/);
  });

  test('the input is validated by the runner like any run', async () => {
    const sent = fakeList(times(3, distinctTimes));
    await expect(connector.paginate('list_people', { person_stage_id: 'Working' }, { limit: 1 }).toArray()).rejects.toThrow(/person_stage_id/);
    expect(sent).toHaveLength(0);
  });

  test("a page that fails ends the iteration with the runner's error, after the records already yielded", async () => {
    let call = 0;
    const records = times(150, distinctTimes);
    nock(baseUrl)
      .persist()
      .get('/v2/people')
      .query(true)
      .reply(() => (++call === 1 ? [200, { metadata: {}, data: records.slice(0, 100) }] : [503, { error: 'Service Unavailable' }]));
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const person of connector.paginate('list_people')) seen.push(person.id);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(100);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
  });

  test('stats count requests, rate-limit cost and the budget left', async () => {
    fakeList(times(150, distinctTimes), { pages: true, headers: { 'x-ratelimit-endpoint-cost': '1', 'x-ratelimit-remaining-minute': '420' } });
    const pages: WalkStats[] = [];
    const { stats } = await walkAll('list_people', {}, { onPage: (s: WalkStats) => pages.push(s) });
    expect(stats).toMatchObject({ records: 150, requests: 2, rateLimitCost: 2, rateLimitRemaining: 420, strategy: 'keyset' });
    expect(pages.map((s) => s.requests)).toEqual([1, 2]);
  });
});
