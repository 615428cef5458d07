// Bulk jobs, imports, notes and tasks: the exact requests these operations send, the outputs they
// accept, and the inputs they refuse before anything is sent.

import { readFileSync } from 'node:fs';
import nock from 'nock';
import { createConnector } from '../connector/index.js';
import { baseUrl as API, expectRefused as refuse, registry, sample, type SentRequest, realResponse, schemaProblems, answerOnce } from './support.js';

const connector = createConnector({ accessToken: 't', retries: 0 });

type Seen = Omit<SentRequest, 'headers'> & { authorization?: string };

/** Answers every request with `status` and `reply`; the returned function gives the one request sent. */
const intercept = (status: number, reply?: unknown): (() => Seen) => {
  const seen = answerOnce(status, reply);
  return () => {
    const { headers, ...rest } = seen() as SentRequest;
    return { ...rest, authorization: String(headers.authorization) };
  };
};

const expectRefused = async (name: string, input: Record<string, unknown>, paths: string[]): Promise<void> => void (await refuse(connector, name, input, paths));


const resourceSchema = (name: string): { properties: Record<string, { description?: string }> } =>
  JSON.parse(readFileSync(new URL(`../schemas/resources/${name}.json`, import.meta.url), 'utf8'));

const seed = sample('get_task', 'output.json') as { data: Record<string, unknown> };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

// ---- bulk jobs -----------------------------------------------------------------------------------

describe('bulk jobs', () => {
  const job = (extra: Record<string, unknown> = {}) => ({
    data: { id: 211, name: null, type: 'person/upsert', state: 'open', ready_to_execute: false, total: 0, processed: 0, errors: 0, scopes: [], ...extra },
  });

  test('create_bulk_job sends type and name as the body', async () => {
    const seen = intercept(200, job());
    await expect(connector.run('create_bulk_job', { fields: { type: 'person/upsert', name: 'June import' } })).resolves.toEqual(job());
    expect(seen()).toEqual({ method: 'POST', path: '/v2/bulk_jobs', query: {}, body: { type: 'person/upsert', name: 'June import' }, authorization: 'Bearer t' });
  });

  test('bulk job outputs accept the real states and the seed\'s "pending" alike', async () => {
    for (const state of ['open', 'executing', 'done']) expect(schemaProblems('get_bulk_job', 'output', job({ state }))).toEqual([]);
    const seedOutput = sample('create_bulk_job', 'output.json') as { data: { state: string } };
    expect(seedOutput.data.state).toBe('pending');
    expect(schemaProblems('create_bulk_job', 'output', seedOutput)).toEqual([]);
    const stateDescription = resourceSchema('bulk_job').properties.state.description;
    expect(stateDescription).toMatch(/open.*executing.*done/s);
    expect(registry.get('create_bulk_job')?.operation.description).toMatch(/open.*executing.*done/s);
  });

  test('create_bulk_job refuses an input without a type', async () => {
    await expectRefused('create_bulk_job', { fields: { name: 'no type' } }, ['fields.type']);
  });

  test('create_bulk_job_data sends {data: [...]} to the job, up to 5,000 records', async () => {
    const [first, ...rest] = Array.from({ length: 5000 }, (_, i) => ({ email_address: `p${i}@example.com`, upsert_key: 'email_address' }));
    const records: [typeof first, ...(typeof first)[]] = [first, ...rest];
    const seen = intercept(200, { data: { records: 5000 } });
    await expect(connector.run('create_bulk_job_data', { bulk_jobs_id: 211, fields: { data: records } })).resolves.toEqual({ data: { records: 5000 } });
    expect(seen().path).toBe('/v2/bulk_jobs/211/job_data');
    expect(seen().query).toEqual({});
    expect(seen().body).toEqual({ data: records });
  });

  test('create_bulk_job_data refuses 5,001 records and an empty list', async () => {
    const records = Array.from({ length: 5001 }, (_, i) => ({ email_address: `p${i}@example.com`, upsert_key: 'email_address' }));
    await expectRefused('create_bulk_job_data', { bulk_jobs_id: 211, fields: { data: records } }, ['fields.data']);
    await expectRefused('create_bulk_job_data', { bulk_jobs_id: 211, fields: { data: [] } }, ['fields.data']);
  });

  test('get_bulk_job fills {bulk_jobs_id} from the seed input (id as number or numeric string)', async () => {
    const seedInput = sample('get_bulk_job', 'input.json') as Record<string, unknown>;
    expect(seedInput.bulk_jobs_id).toBe(12345);
    const first = intercept(200, job({ id: 12345 }));
    await connector.runByName('get_bulk_job', seedInput);
    expect(first()).toMatchObject({ method: 'GET', path: '/v2/bulk_jobs/12345', query: {}, body: null });
    nock.cleanAll();
    const second = intercept(200, job({ id: 12345 }));
    await connector.run('get_bulk_job', { bulk_jobs_id: '12345' });
    expect(second().path).toBe('/v2/bulk_jobs/12345');
  });

  test('get_bulk_job refuses an id that is not a record id', async () => {
    await expectRefused('get_bulk_job', { bulk_jobs_id: '12/../x' }, ['bulk_jobs_id']);
    await expectRefused('get_bulk_job', {}, ['bulk_jobs_id']);
  });

  test('update_bulk_job sends name and ready_to_execute with PUT', async () => {
    const seen = intercept(200, job({ state: 'executing', ready_to_execute: true }));
    await connector.run('update_bulk_job', { bulk_jobs_id: 211, fields: { name: 'June import', ready_to_execute: true } });
    expect(seen()).toMatchObject({ method: 'PUT', path: '/v2/bulk_jobs/211', query: {}, body: { name: 'June import', ready_to_execute: true } });
  });

  test('update_bulk_job refuses an empty update and fields it does not have', async () => {
    await expectRefused('update_bulk_job', { bulk_jobs_id: 211, fields: {} }, ['fields']);
    await expectRefused('update_bulk_job', { bulk_jobs_id: 211, fields: { state: 'done' } }, ['fields.state']);
  });

  test('list_bulk_job_results pages with id[gt] and per_page, filters by status[]', async () => {
    const results = { data: [{ id: 1002, status: 'error', error: 'Email address is invalid', record: { email_address: 'x@' }, resource: null }] };
    const seen = intercept(200, results);
    await expect(
      connector.run('list_bulk_job_results', { bulk_jobs_id: 211, status: ['error', 'retrying'], id: { gt: 1000 }, per_page: 100 }),
    ).resolves.toEqual(results);
    expect(seen()).toMatchObject({
      method: 'GET',
      path: '/v2/bulk_jobs/211/results',
      query: { 'status[]': ['error', 'retrying'], 'id[gt]': '1000', per_page: '100' },
      body: null,
    });
    expect(schemaProblems('list_bulk_job_results', 'output', results)).toEqual([]);
  });

  test('list_bulk_job_results has no page, only id.gt, and only the four statuses', async () => {
    await expectRefused('list_bulk_job_results', { bulk_jobs_id: 211, page: 2 }, ['page']);
    await expectRefused('list_bulk_job_results', { bulk_jobs_id: 211, id: { gte: 5 } }, ['id.gte']);
    await expectRefused('list_bulk_job_results', { bulk_jobs_id: 211, status: ['failed'] }, ['status[0]']);
    await expectRefused('list_bulk_job_results', { status: ['error'] }, ['bulk_jobs_id']);
  });
});

// ---- imports -------------------------------------------------------------------------------------

describe('imports', () => {
  const imp = { data: { id: 123, name: 'Trade show', current_people_count: 0, imported_people_count: 0 } };

  test('create_import sends name and owner', async () => {
    const seen = intercept(200, imp);
    await expect(connector.run('create_import', { fields: { name: 'Trade show', user_id: 1001 } })).resolves.toEqual(imp);
    expect(seen()).toMatchObject({ path: '/v2/imports', query: {}, body: { name: 'Trade show', user_id: 1001 } });
  });

  test('create_import refuses an owner that is not a record id', async () => {
    await expectRefused('create_import', { fields: { name: 'x', user_id: 'jane' } }, ['fields.user_id']);
  });

  test('delete_import sends undo as a query parameter; without it the people are kept', async () => {
    const withUndo = intercept(204);
    await expect(connector.run('delete_import', { import_id: 123, undo: 'all' })).resolves.toEqual({ success: true });
    expect(withUndo()).toMatchObject({ method: 'DELETE', path: '/v2/imports/123', query: { undo: 'all' }, body: null });
    nock.cleanAll();
    const keep = intercept(204);
    await connector.run('delete_import', { import_id: 123 });
    expect(keep().query).toEqual({});
  });

  test('delete_import describes each undo value and refuses others', async () => {
    const undo = registry.get('delete_import')!.inputSchema.properties as Record<string, { enum: string[]; description: string }>;
    expect(undo.undo.enum).toEqual(['single', 'all']);
    expect(undo.undo.description).toMatch(/keep/i);
    await expectRefused('delete_import', { import_id: 123, undo: 'none' }, ['undo']);
  });

  test('get_import and update_import name the import in the path', async () => {
    const get = intercept(200, imp);
    await connector.run('get_import', { import_id: '123' });
    expect(get().path).toBe('/v2/imports/123');
    nock.cleanAll();
    const put = intercept(200, imp);
    await connector.run('update_import', { import_id: 123, fields: { name: 'Renamed' } });
    expect(put()).toMatchObject({ path: '/v2/imports/123', query: {}, body: { name: 'Renamed' } });
  });

  test('get_import refuses a non-positive id; update_import refuses an empty update', async () => {
    await expectRefused('get_import', { import_id: 0 }, ['import_id']);
    await expectRefused('update_import', { import_id: 123, fields: {} }, ['fields']);
  });

  test('list_imports sends the seed input as ids[] and user_ids[]', async () => {
    const seen = intercept(200, { metadata: {}, data: [] });
    await connector.run('list_imports', sample('list_imports', 'input.json') as Record<string, unknown>);
    expect(seen().query).toEqual({
      'ids[]': ['123', '456', '789'],
      'user_ids[]': ['1001', '1002'],
      sort_by: 'created_at',
      sort_direction: 'DESC',
      include_paging_counts: 'true',
      per_page: '25',
      page: '1',
    });
  });

  test('list_imports refuses an unknown sort key', async () => {
    await expectRefused('list_imports', { sort_by: 'name' }, ['sort_by']);
  });
});

// ---- notes ---------------------------------------------------------------------------------------

describe('notes', () => {
  const note = {
    data: {
      id: 555,
      content: 'Budget approved',
      associated_type: 'person',
      associated_with: { id: 67890, _href: `${API}/v2/people/67890` },
      call: null,
      user: { id: 1, _href: `${API}/v2/users/1` },
    },
  };

  test('create_note sends content and what it is about', async () => {
    const fields = { content: 'Budget approved', associated_with_type: 'account', associated_with_id: 42, skip_crm_sync: true } as const;
    const seen = intercept(200, note);
    await connector.run('create_note', { fields });
    expect(seen()).toMatchObject({ path: '/v2/notes', query: {}, body: fields });
  });

  test('create_note requires content, associated_with_type (person|account, from a DDL) and associated_with_id', async () => {
    const schema = registry.get('create_note')!.inputSchema as { properties: { fields: { required: string[]; properties: Record<string, Record<string, unknown>> } } };
    expect(schema.properties.fields.required).toEqual(expect.arrayContaining(['content', 'associated_with_type', 'associated_with_id']));
    expect(schema.properties.fields.properties.associated_with_type).toMatchObject({
      enum: ['person', 'account'],
      lookup: { operation: 'list_accounts_or_people_ddl', input: {} },
    });
    await expectRefused('create_note', { fields: { content: 'x', associated_with_type: 'lead' } }, [
      'fields.associated_with_type',
      'fields.associated_with_id',
    ]);
  });

  test('update_note sends content; its output is a Note, not a Person', async () => {
    const seen = intercept(200, note);
    await expect(connector.run('update_note', { note_id: 555, fields: { content: 'Budget approved', call_id: 9 } })).resolves.toEqual(note);
    expect(seen()).toMatchObject({ path: '/v2/notes/555', body: { content: 'Budget approved', call_id: 9 } });
    const output = registry.get('update_note')!.outputSchema as { properties: { data: { $ref: string } } };
    expect(output.properties.data.$ref).toBe('/schemas/resources/note.json');
  });

  test('update_note refuses an update without content', async () => {
    await expectRefused('update_note', { note_id: 555, fields: { call_id: 9 } }, ['fields.content']);
  });

  test('get_note and delete_note', async () => {
    const get = intercept(200, note);
    await expect(connector.run('get_note', { note_id: 555 })).resolves.toEqual(note);
    expect(get().path).toBe('/v2/notes/555');
    nock.cleanAll();
    const del = intercept(204);
    await expect(connector.run('delete_note', { note_id: '555' })).resolves.toEqual({ success: true });
    expect(del()).toMatchObject({ method: 'DELETE', path: '/v2/notes/555', query: {} });
  });

  test('get_note refuses unknown inputs; delete_note refuses a missing id', async () => {
    await expectRefused('get_note', { note_id: 555, include: 'call' }, ['include']);
    await expectRefused('delete_note', {}, ['note_id']);
  });

  test('list_notes sends its filters, the range as updated_at[gte]', async () => {
    const seen = intercept(200, { metadata: {}, data: [note.data] });
    await connector.run('list_notes', {
      note_ids: [1, 2],
      associated_with_type: 'person',
      associated_with_id: 67890,
      updated_at: { gte: '2024-01-01T00:00:00Z' },
      sort_by: 'created_at',
    });
    expect(seen().query).toEqual({
      'ids[]': ['1', '2'],
      associated_with_type: 'person',
      associated_with_id: '67890',
      'updated_at[gte]': '2024-01-01T00:00:00Z',
      sort_by: 'created_at',
    });
  });

  test('list_notes refuses associated_with_id without associated_with_type', async () => {
    await expectRefused('list_notes', { associated_with_id: 67890 }, ['associated_with_type']);
  });
});

// ---- tasks ---------------------------------------------------------------------------------------

describe('tasks', () => {
  const realCreate = realResponse('write-create-task.json');
  const fields = { subject: 'call me maybe', person_id: 164510523, user_id: 51550, task_type: 'call', due_date: '2025-01-01' } as const;

  test('create_task sends the safe set of fields and returns the real response', async () => {
    const seen = intercept(200, realCreate);
    await expect(connector.run('create_task', { fields })).resolves.toEqual(realCreate);
    expect(seen()).toMatchObject({ path: '/v2/tasks', query: {}, body: fields });
    expect(schemaProblems('create_task', 'output', realCreate)).toEqual([]);
  });

  test('create_task sends the optional fields as given', async () => {
    const all = { ...fields, current_state: 'scheduled' as const, remind_at: '2024-12-31T09:00:00Z', description: 'Ask about Q1', idempotency_key: 'crm-77' };
    const seen = intercept(200, realCreate);
    await connector.run('create_task', { fields: all });
    expect(seen().body).toEqual(all);
  });

  test('create_task: user_id and user_guid are optional (the token\'s user by default) and exclusive', async () => {
    const { user_id: _user, ...withoutUser } = fields;
    void _user;
    const seen = intercept(200, realCreate);
    await connector.run('create_task', { fields: withoutUser });
    // (the runner adds a generated idempotency_key to every create_task)
    expect(seen().body).toEqual({ ...withoutUser, idempotency_key: expect.any(String) });
    nock.cleanAll();
    const seenByGuid = intercept(200, realCreate);
    await connector.run('create_task', { fields: { ...withoutUser, user_guid: '0863ed13-7120-479b-8650-206a3679e2fb' } });
    expect(seenByGuid().body).toEqual({ ...withoutUser, user_guid: '0863ed13-7120-479b-8650-206a3679e2fb', idempotency_key: expect.any(String) });
    await expectRefused('create_task', { fields: { ...fields, user_guid: '0863ed13-7120-479b-8650-206a3679e2fb' } }, ['fields']);
  });

  test('create_task refuses bad types, dates and states', async () => {
    await expectRefused('create_task', { fields: { ...fields, task_type: 'meeting', due_date: '2025-01-01T10:00:00Z', current_state: 'completed' } }, [
      'fields.task_type',
      'fields.due_date',
      'fields.current_state',
    ]);
  });

  test('list_tasks sends the current filters: updated_at and completed_at ranges, completion period, sources', async () => {
    const seen = intercept(200, { metadata: {}, data: [seed.data] });
    await connector.run('list_tasks', {
      updated_at: { gte: '2024-03-01T00:00:00Z' },
      completed_at: { lt: '2024-04-01T00:00:00Z' },
      completed_time_interval: 'this_week',
      source: ['salesloft.api', 'salesloft.cadence'],
    });
    expect(seen().query).toEqual({
      'updated_at[gte]': '2024-03-01T00:00:00Z',
      'completed_at[lt]': '2024-04-01T00:00:00Z',
      completed_time_interval: 'this_week',
      'source[]': ['salesloft.api', 'salesloft.cadence'],
    });
  });

  test('get_task returns a Task (the spec says Step); the seed\'s "pending" state validates', async () => {
    const seen = intercept(200, seed);
    await expect(connector.run('get_task', { task_id: 12345 })).resolves.toEqual(seed);
    expect(seen().path).toBe('/v2/tasks/12345');
    const output = registry.get('get_task')!.outputSchema as { properties: { data: { $ref: string } } };
    expect(output.properties.data.$ref).toBe('/schemas/resources/task.json');
    expect(seed.data.current_state).toBe('pending');
    expect(schemaProblems('get_task', 'output', seed)).toEqual([]);
  });

  test('get_task refuses a task id that is not a number', async () => {
    await expectRefused('get_task', { task_id: 'abc' }, ['task_id']);
  });

  test('list_tasks sends arrays as key[] and the time interval', async () => {
    const seen = intercept(200, { metadata: {}, data: [seed.data] });
    await connector.run('list_tasks', {
      user_id: [51550],
      person_id: ['164510523'],
      current_state: ['scheduled', 'completed'],
      task_type: ['call', 'email'],
      time_interval_filter: 'overdue',
      sort_by: 'due_at',
      sort_direction: 'DESC',
    });
    expect(seen().query).toEqual({
      'user_id[]': ['51550'],
      'person_id[]': ['164510523'],
      'current_state[]': ['scheduled', 'completed'],
      'task_type[]': ['call', 'email'],
      time_interval_filter: 'overdue',
      sort_by: 'due_at',
      sort_direction: 'DESC',
    });
  });

  test('list_tasks documents its default sort (due_date, ASC) and offers the five intervals', async () => {
    const properties = registry.get('list_tasks')!.inputSchema.properties as Record<string, { enum?: string[]; description?: string }>;
    expect(properties.sort_by.enum).toEqual(['due_date', 'due_at']);
    expect(properties.sort_by.description).toMatch(/due_date/);
    expect(properties.sort_direction.description).toMatch(/ASC/);
    expect(properties.time_interval_filter.enum).toEqual(['overdue', 'today', 'tomorrow', 'this_week', 'next_week']);
  });

  test('list_tasks refuses unknown intervals and states', async () => {
    await expectRefused('list_tasks', { time_interval_filter: 'next_month', current_state: ['pending'] }, ['time_interval_filter', 'current_state[0]']);
  });
});
