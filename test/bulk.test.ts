// connector.bulk end to end against the sandbox (chunks, ready, poll, failed results), plus its
// behaviour against a job that SalesLoft processes over time (nock): polling and the id[gt] cursor.

import nock from 'nock';
import { createConnector, InputError, type Connector } from '../connector/index.js';
import type { BulkProgress } from '../connector/bulk.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { baseUrl, recordRequests } from './support.js';

const people = (count: number, failEvery = 0) =>
  Array.from({ length: count }, (_, index) =>
    failEvery && index % failEvery === failEvery - 1
      ? { upsert_key: 'id', id: 900_000_000 + index } // no such person: SalesLoft reports an error for it
      : { upsert_key: 'email_address', email_address: `bulk.${index}@example.com`, first_name: `Person ${index}` },
  );

describe('bulk against the sandbox', () => {
  let sandbox: Sandbox;
  let connector: Connector;
  beforeEach(async () => {
    sandbox = await startSandbox();
    connector = createConnector({ baseUrl: sandbox.url, accessToken: 'sandbox-token', env: {} });
  });
  afterEach(() => sandbox.close());
  const calls = (suffix: string, method = 'POST') => sandbox.requests.filter((request) => request.method === method && request.path.endsWith(suffix));

  test('50,000 people take 10 job-data calls, and every failed record is reported with its error', async () => {
    const records = people(50_000, 1000);
    const phases: BulkProgress[] = [];
    const summary = await connector.bulk('person/upsert', records, { name: 'fifty thousand', pollIntervalMs: 50, onProgress: (progress) => phases.push(progress) });

    expect(calls('/job_data')).toHaveLength(10);
    expect(calls('/job_data').every((request) => (request.body as { data: unknown[] }).data.length === 5000)).toBe(true);
    expect(summary).toMatchObject({ total: 50_000, succeeded: 49_950, failed: 50 });
    const expectedFailures = records.filter((record) => record.upsert_key === 'id');
    expect(summary.failures.map((failure) => failure.record)).toEqual(expectedFailures);
    expect(summary.failures.every((failure) => failure.error === 'id does not match any person')).toBe(true);
    expect(sandbox.store.get('bulk_jobs', summary.jobId)).toMatchObject({ name: 'fifty thousand', state: 'done', total: 50_000 });
    expect(phases.filter((p) => p.phase === 'sending').map((p) => p.sent)).toEqual([0, 5000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 45_000, 50_000]);
    // SalesLoft (and this sandbox) process the job in the background: progress grows while it is polled.
    const processed = phases.filter((p) => p.phase === 'executing' || p.phase === 'results').map((p) => p.processed);
    expect(processed).toEqual([...processed].sort((x, y) => x - y));
    expect(phases.at(-1)).toMatchObject({ phase: 'done', total: 50_000, errors: 50 });
  }, 120_000);

  test('a bad record is named by index and field before anything is sent', async () => {
    const records: object[] = people(10);
    records[3] = { upsert_key: 'email_address', first_name: 'No email' };
    records[7] = { upsert_key: 'phone', email_address: 'x@example.com' };
    const error = await connector.bulk('person/upsert', records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const paths = (error as InputError).problems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['records[3].email_address', 'records[7].upsert_key']));
    expect((error as Error).message).toMatch(/records\[3\]\.email_address/);
    expect(sandbox.requests).toHaveLength(0);
  });

  test('an unknown job type is refused before anything is sent', async () => {
    const error = await connector.bulk('account/upsert' as 'person/upsert', people(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/person\/upsert/);
    expect(sandbox.requests).toHaveLength(0);
  });

  test('a job interrupted while sending is resumed from its id with the records it does not hold yet', async () => {
    const records = people(70, 5);
    let jobId = 0;
    const interrupted = await connector
      .bulk('person/upsert', records, {
        recordsPerCall: 50,
        onProgress: (progress) => {
          jobId = progress.jobId;
          if (progress.sent === 50) throw new Error('worker stopped');
        },
      })
      .catch((e: unknown) => e);
    expect((interrupted as Error).message).toBe('worker stopped');
    expect(sandbox.store.get('bulk_jobs', jobId)).toMatchObject({ state: 'open', total: 50 });

    const summary = await connector.bulk('person/upsert', records, { resume: jobId, pollIntervalMs: 20, recordsPerCall: 50 });
    expect(summary).toMatchObject({ jobId, total: 70, failed: 14, succeeded: 56 });
    expect(calls('/job_data').map((request) => (request.body as { data: unknown[] }).data.length)).toEqual([50, 20]);
    expect(summary.failures.map((failure) => failure.record)).toEqual(records.filter((record) => record.upsert_key === 'id'));
    expect(calls('/bulk_jobs')).toHaveLength(1);
  });

  test('a job already done is only read when resumed', async () => {
    const first = await connector.bulk('person/upsert', people(30, 10), { pollIntervalMs: 20 });
    const before = sandbox.requests.length;
    const again = await connector.bulk('person/upsert', [], { resume: first.jobId });
    expect(again).toEqual(first);
    expect(sandbox.requests.slice(before).map((request) => request.method)).toEqual(['GET', 'GET', 'GET']);
  });
});

describe('bulk against a job processed over time', () => {
  afterEach(() => nock.cleanAll());

  test('50,000 records go out in 10 job-data calls of 5,000, and 500 failures come back over 5 cursor pages', async () => {
    const failedIds = new Set(Array.from({ length: 500 }, (_, index) => index * 100 + 42));
    const results = [...failedIds].map((index) => ({ id: 500_000 + index, status: 'error', error: `record ${index} is invalid`, record: { upsert_key: 'email_address', email_address: `p${index}@example.com` } }));
    const sent = recordRequests(({ method, path, query }) => {
      if (method === 'POST' && path === '/v2/bulk_jobs') return [200, { data: { id: 5, state: 'open', total: 0 } }];
      if (path === '/v2/bulk_jobs/5/job_data') return [200, { data: { records: 5000 } }];
      if (method === 'PUT') return [200, { data: { id: 5, state: 'executing' } }];
      if (path === '/v2/bulk_jobs/5') return [200, { data: { id: 5, state: 'done', total: 50_000, processed: 50_000, errors: 500 } }];
      const after = Number(query['id[gt]'] ?? 0);
      return [200, { data: results.filter((result) => result.id > after).slice(0, Number(query.per_page)) }];
    });
    const connector = createConnector({ baseUrl, accessToken: 'test-token-123456', env: {} });
    const records = Array.from({ length: 50_000 }, (_, index) => ({ upsert_key: 'email_address', email_address: `p${index}@example.com` }));
    const summary = await connector.bulk('person/upsert', records);

    const chunks = sent.filter((request) => request.path.endsWith('/job_data')).map((request) => (request.body as { data: Array<{ email_address: string }> }).data);
    expect(chunks.map((chunk) => chunk.length)).toEqual(Array(10).fill(5000));
    expect(chunks.flat().map((record) => record.email_address)).toEqual(records.map((record) => record.email_address));
    expect(sent.filter((request) => request.path.endsWith('/results'))).toHaveLength(6);
    expect(summary).toMatchObject({ jobId: 5, total: 50_000, succeeded: 49_500, failed: 500 });
    expect(summary.failures.map((failure) => failure.resultId)).toEqual(results.map((result) => result.id));
  }, 60_000);

  test('polls until done with a growing interval, then pages failed results with the id[gt] cursor', async () => {
    const states = ['executing', 'executing', 'done'];
    const errorsPage = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({ id: from + index, status: 'error', error: `email_address is invalid ${from + index}`, record: { upsert_key: 'email_address', email_address: `bad${from + index}` } }));
    const sent = recordRequests(({ method, path, query }) => {
      if (method === 'POST' && path === '/v2/bulk_jobs') return [200, { data: { id: 77, state: 'open', total: 0 } }];
      if (path === '/v2/bulk_jobs/77/job_data') return [200, { data: { records: 3 } }];
      if (method === 'PUT') return [200, { data: { id: 77, state: 'executing' } }];
      if (path === '/v2/bulk_jobs/77') {
        const state = states.shift() ?? 'done';
        return [200, { data: { id: 77, state, total: 103, processed: state === 'done' ? 103 : 40, errors: 0 } }];
      }
      if (path === '/v2/bulk_jobs/77/results') return [200, { data: query['id[gt]'] === '1099' ? errorsPage(1100, 3) : query['id[gt]'] ? [] : errorsPage(1000, 100) }];
      return [404, { error: 'Not Found' }];
    });
    const connector = createConnector({ baseUrl, accessToken: 'test-token-123456', env: {} });
    const progress: BulkProgress[] = [];
    const records = Array.from({ length: 103 }, (_, index) => ({ upsert_key: 'email_address', email_address: `p${index}@example.com` }));
    const started = Date.now();
    const summary = await connector.bulk('person/upsert', records, { pollIntervalMs: 40, onProgress: (p) => progress.push(p) });

    expect(Date.now() - started).toBeGreaterThanOrEqual(40 + 60);
    expect(sent.filter((request) => request.method === 'GET' && request.path === '/v2/bulk_jobs/77')).toHaveLength(3);
    const cursors = sent.filter((request) => request.path.endsWith('/results')).map((request) => request.query);
    expect(cursors).toEqual([
      { 'status[]': ['error'], per_page: '100' },
      { 'status[]': ['error'], per_page: '100', 'id[gt]': '1099' },
    ]);
    expect(summary).toMatchObject({ jobId: 77, total: 103, failed: 103, succeeded: 0 });
    expect(summary.failures[102]).toEqual({ resultId: 1102, record: { upsert_key: 'email_address', email_address: 'bad1102' }, error: 'email_address is invalid 1102' });
    expect(progress.filter((p) => p.phase === 'executing').map((p) => p.processed)).toEqual([40, 40]);
  });
});
