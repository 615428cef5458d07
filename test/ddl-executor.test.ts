// The DDL executor over every DDL that reads the API: pages followed and merged, the item cap and
// the page-100 limit, lists without paging metadata, and API errors surfaced, never an empty list.

import nock from 'nock';
import { ApiError, createConnector, type Choice, type DdlOperation } from '../connector/index.js';
import { baseUrl, ddlOperations, hasSample, recordRequests, sample } from './support.js';

const connector = (ddlItemCap?: number) => createConnector({ accessToken: 'ddl-test-token', baseUrl, retries: 0, ddlItemCap, env: {} });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const fetched = ddlOperations.filter(({ operation }) => operation.kind === 'ddl' && operation.paging !== 'static' && hasSample(operation.name, 'api-response.json'));
const paged = fetched.filter(({ operation }) => (operation as DdlOperation).paging === 'pages');

/** The sample page's records again with new ids (numbers, or UUIDs with a suffix), names and guids, as a second page would bring. */
const secondPage = (records: Array<Record<string, unknown>>) =>
  records.map((record) => ({ ...record, id: typeof record.id === 'string' && !/^\d+$/.test(record.id) ? `${record.id}-2` : Number(record.id) + 100_000, ...(typeof record.name === 'string' ? { name: `${record.name} II` } : {}), ...(typeof record.guid === 'string' ? { guid: `${record.guid}-2` } : {}) }));

const expectedChoices = (operation: DdlOperation, records: Array<Record<string, unknown>>): Choice[] => {
  const unique = new Map<string, Choice>();
  for (const choice of [...(operation.extraChoices ?? []), ...records.map((record) => operation.choice!(record)).filter((c): c is Choice => c !== undefined)]) {
    if (!unique.has(String(choice.value))) unique.set(String(choice.value), choice);
  }
  return [...unique.values()].sort((a, b) => a.text.localeCompare(b.text, 'en', { sensitivity: 'base' }) || String(a.value).localeCompare(String(b.value)));
};

test.each(paged.map(({ operation }) => [operation.name, operation as DdlOperation] as const))('%s follows next_page and merges the pages', async (name, operation) => {
  const first = sample(name, 'api-response.json');
  const records = secondPage(first.data);
  const sent = recordRequests((request) =>
    request.query.page === '1'
      ? [200, { ...first, metadata: { ...first.metadata, paging: { per_page: 100, current_page: 1, next_page: 2, prev_page: null } } }]
      : [200, { metadata: { paging: { per_page: 100, current_page: 2, next_page: null, prev_page: 1 } }, data: records }],
  );
  const { result } = (await connector().runByName(name, sample(name, 'input.json'))) as { result: Choice[] };
  expect(sent.map((request) => [request.query.page, request.query.per_page])).toEqual([['1', '100'], ['2', '100']]);
  expect(result).toEqual(expectedChoices(operation, [...first.data, ...records]));
  for (const choice of result) expect(choice.text.trim()).not.toBe('');
});

test.each(fetched.map(({ operation }) => [operation.name] as const))('%s surfaces an API error instead of an empty dropdown', async (name) => {
  recordRequests(() => [403, { error: 'Forbidden' }]);
  const error = await connector().runByName(name, sample(name, 'input.json')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 403, kind: 'forbidden', apiMessage: 'Forbidden' });
});

test.each(fetched.map(({ operation }) => [operation.name] as const))('%s works when the list has no metadata.paging', async (name) => {
  const { data } = sample(name, 'api-response.json');
  const sent = recordRequests(() => [200, { data }]);
  const { result } = (await connector().runByName(name, sample(name, 'input.json'))) as { result: Choice[] };
  expect(sent).toHaveLength(1);
  expect(result.length).toBeGreaterThan(0);
});

describe('bounds', () => {
  const endless = () =>
    recordRequests((request) => {
      const page = Number(request.query.page);
      const data = Array.from({ length: 100 }, (_, i) => ({ id: page * 1000 + i, name: `Stage ${page}-${i}` }));
      return [200, { metadata: { paging: { per_page: 100, current_page: page, next_page: page + 1, prev_page: page - 1 || null } }, data }];
    });

  test('the item cap stops the paging (default 500 records, configurable)', async () => {
    const sent = endless();
    expect(((await connector().run('list_person_stages_ddl', {})) as { result: Choice[] }).result).toHaveLength(500);
    expect(sent).toHaveLength(5);
    sent.length = 0;
    expect(((await connector(150).run('list_person_stages_ddl', {})) as { result: Choice[] }).result).toHaveLength(150);
    expect(sent).toHaveLength(2);
  });

  test('never requests a page past 100, whatever the cap', async () => {
    const sent = endless();
    const { result } = (await connector(1_000_000).run('list_person_stages_ddl', {})) as { result: Choice[] };
    expect(sent.map((request) => Number(request.query.page)).at(-1)).toBe(100);
    expect(result).toHaveLength(10_000);
  });

  test('a search matches the connector\'s own choices too ("Unowned" only when it matches)', async () => {
    recordRequests(() => [200, { data: [{ id: 1, name: 'John Smith', guid: 'g1' }] }]);
    expect(((await connector().run('list_users_filter_owners_ddl', { search: 'john' })) as { result: Choice[] }).result).toEqual([{ text: 'John Smith', value: 1 }]);
    expect(((await connector().run('list_users_filter_owners_ddl', { search: 'unown' })) as { result: Choice[] }).result).toEqual([
      { text: 'John Smith', value: 1 },
      { text: 'Unowned', value: '_is_null' },
    ]);
  });
});
