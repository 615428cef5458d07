// The current API (issue 14): coverage of reference/current-api, the rules of the new operations at the HTTP
// edge, and the sandbox's behaviour for them through the connector over loopback.

import nock from 'nock';
import { ApiError, createConnector, InputError, type Connector } from '../connector/index.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { measureCoverage, readEndpoints } from '../scripts/coverage-measure.js';
import { answerOnce, expectRefused, recordRequests, registry } from './support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('coverage of reference/current-api', () => {
  const coverage = measureCoverage(registry);

  test('every endpoint of the 2021 spec is exposed (webhook subscriptions by the webhook work)', () => {
    const missing = coverage.endpoints.missing.filter((e) => e.source.includes('old-spec')).map((e) => `${e.method} ${e.path}`);
    expect(missing).toEqual([]);
  });

  test('the named additions are exposed', () => {
    const wanted = ['POST /v2/account_upserts', 'PUT /v2/tasks/{id}', 'DELETE /v2/tasks/{id}', 'GET /v2/tasks/counts', 'POST /v2/bulk_reschedule_tasks', 'GET /v2/bulk_jobs', 'DELETE /v2/bulk_jobs/{id}', 'GET /v2/bulk_jobs/{bulk_jobs_id}/job_data', 'PUT /v2/users/{id}', 'GET /v2/me', 'GET /v2/team'];
    expect(readEndpoints().filter((e) => wanted.includes(`${e.method} ${e.path}`))).toHaveLength(wanted.length);
    const missing = coverage.endpoints.missing.map((e) => `${e.method} ${e.path}`);
    expect(wanted.filter((route) => missing.includes(route))).toEqual([]);
  });

  test('every official parameter of an exposed endpoint is exposed', () => {
    expect(coverage.officialParameters.missing).toEqual([]);
    expect(coverage.officialParameters.total).toBeGreaterThan(150);
  });
});

describe('rules of the new operations at the HTTP edge', () => {
  const connector = createConnector({ accessToken: 'edge-token', baseUrl: 'https://api.salesloft.com', retries: 2, minRetryDelayMs: 1 });

  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  test('upsert_account is safe to repeat: a 503 is retried, like upsert_person', async () => {
    let calls = 0;
    recordRequests(() => (++calls === 1 ? [503, { error: 'Service Unavailable' }] : [200, { data: { upsert_type: 'update', account: { id: 2002 } } }]));
    await expect(connector.run('upsert_account', { fields: { upsert_key: 'domain', domain: 'globex.com' } })).resolves.toEqual({ data: { upsert_type: 'update', account: { id: 2002 } } });
    expect(calls).toBe(2);
  });

  test('a create of the current API is never sent twice (create_saved_list_view)', async () => {
    const sent = recordRequests(() => [503, { error: 'Service Unavailable' }]);
    await expect(connector.run('create_saved_list_view', { fields: { name: 'x', view: 'people' } })).rejects.toBeInstanceOf(ApiError);
    expect(sent).toHaveLength(1);
  });

  test('create_live_feed_item is retried safely: one generated idempotency key for every attempt', async () => {
    const sent = recordRequests(() => (sent.length === 1 ? [503, { error: 'Service Unavailable' }] : [200, { data: [{ id: 1 }] }]));
    const item = { user_guid: 'a-guid', subject_type: 'person', subject_id: 3001, message: 'Visited pricing', event_occurred_at: '2024-03-05T15:30:00Z' };
    await connector.run('create_live_feed_item', { fields: item });
    expect(sent).toHaveLength(2);
    const keys = sent.map((request) => (request.body as { idempotency_key?: string }).idempotency_key);
    expect(keys[0]).toEqual(expect.any(String));
    expect(keys[1]).toBe(keys[0]);
  });

  test('update_task takes a user id or a user guid, not both', async () => {
    await expectRefused(connector, 'update_task', { task_id: 8001, fields: { user_id: 1001, user_guid: '0863ed13-7120-479b-8650-206a3679e2fb' } }, ['fields']);
  });

  test('create_activity takes an action or a task, not both', async () => {
    await expectRefused(connector, 'create_activity', { fields: { action_id: 9001, task_id: 8001 } }, ['fields']);
  });

  test('list_meeting_settings sends its filters as the body of a POST search', async () => {
    const seen = answerOnce(200, { metadata: {}, data: [] });
    await connector.run('list_meeting_settings', { user_guids: ['a-guid'], updated_at: { gte: '2024-01-01T00:00:00Z' }, per_page: 10 });
    expect(seen()).toMatchObject({ method: 'POST', path: '/v2/meetings/settings/searches', query: {}, body: { user_guids: ['a-guid'], updated_at: { gte: '2024-01-01T00:00:00Z' }, per_page: 10 } });
  });

  test('a phone number in a path is one encoded segment', async () => {
    const seen = answerOnce(200, { data: { recording_default: true } });
    await connector.run('get_recording_setting', { phone_number: '+12065550142' });
    expect(seen()?.path).toBe('/v2/phone_numbers/recording_settings/%2B12065550142');
  });

  test('dates of the new schemas are checked (format date and date-time)', async () => {
    await expectRefused(connector, 'create_bulk_task_reschedule', { fields: { task_ids: [8001], due_date: 'next friday' } }, ['fields.due_date']);
    await expectRefused(connector, 'update_task', { task_id: 8001, fields: { remind_at: '2024-13' } }, ['fields.remind_at']);
  });
});

describe('the sandbox serves the current API', () => {
  let sandbox: Sandbox;
  let salesloft: Connector;
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, rateLimit: { budget: 100_000 } });
    salesloft = createConnector({ baseUrl: sandbox.url, accessToken: 'sandbox-token', env: {}, retries: 0 });
  });
  afterEach(() => sandbox.close());

  const run = (name: string, input: Json): Promise<Json> => salesloft.run(name as never, input as never) as Promise<Json>;
  const failure = (promise: Promise<unknown>): Promise<ApiError> => promise.then(() => Promise.reject(new Error('expected a failure')), (e: ApiError) => e);

  test('the new filters of existing list operations filter', async () => {
    const ids = async (name: string, input: Json) => (await run(name, input)).data.map((r: Json) => r.id);
    expect(await ids('list_call_data_records', { direction: 'inbound' })).toEqual([5007, 5006]);
    expect(await ids('list_call_data_records', { group_id: 12 })).toEqual([5004]);
    expect(await ids('list_call_data_records', { recordings_only: true })).toEqual([5001]);
    expect(await ids('list_custom_fields', { value_type: 'date' })).toEqual([114]);
    expect(await ids('list_emails', { has_replies: true })).toEqual([6001]);
    expect(await ids('list_tasks', { updated_at: { gte: '2024-03-04T00:00:00Z' } })).toEqual([8003, 8001]); // due date, earliest first
    expect(await ids('list_tasks', { completed_at: { lt: '2024-03-08T00:00:00Z' } })).toEqual([8003]);
    expect(await ids('list_imports', { created_at: { gte: '2024-02-01T00:00:00Z' } })).toEqual([132]);
  });

  test('upsert_account updates the account its key finds, else creates it with name and domain', async () => {
    const updated = await run('upsert_account', { fields: { upsert_key: 'domain', domain: 'GLOBEX.com', industry: 'Aerospace' } });
    expect(updated.data).toMatchObject({ upsert_type: 'update', account: { id: 2002, industry: 'Aerospace' } });
    const created = await run('upsert_account', { fields: { upsert_key: 'domain', domain: 'hooli.com', name: 'Hooli' } });
    expect(created.data.upsert_type).toBe('create');
    const incomplete = await failure(run('upsert_account', { fields: { upsert_key: 'domain', domain: 'piedpiper.com' } }));
    expect([incomplete.status, incomplete.message]).toEqual([422, expect.stringContaining('name')]);
  });

  test('create_task assigns the task by guid, or to the token user without one', async () => {
    const byGuid = await run('create_task', { fields: { subject: 'Call back', person_id: 3002, task_type: 'call', due_date: '2024-04-01', user_guid: 'c4e2a9b7-1f6d-4b3c-8e5a-7d9f0a2b6c81' } });
    expect(byGuid.data.user.id).toBe(1003);
    const mine = await run('create_task', { fields: { subject: 'Email', person_id: 3002, task_type: 'email', due_date: '2024-04-02' } });
    expect(mine.data.user.id).toBe(1001);
  });

  test('tasks: update, bulk reschedule (all or nothing), counts and delete', async () => {
    await run('update_task', { task_id: 8002, fields: { current_state: 'completed' } });
    const doneToday = await run('list_tasks', { completed_time_interval: 'today' });
    expect(doneToday.data.map((t: Json) => t.id)).toEqual([8002]);
    const refused = await failure(run('create_bulk_task_reschedule', { fields: { task_ids: [8001, 8002], due_date: '2024-04-10' } }));
    expect(refused.status).toBe(422);
    expect((await run('get_task', { task_id: 8001 })).data.due_date).toBe('2024-03-12');
    const moved = await run('create_bulk_task_reschedule', { fields: { task_ids: [8001, 8004], due_date: '2024-04-10' } });
    expect(moved.data.map((t: Json) => t.due_date)).toEqual(['2024-04-10', '2024-04-10']);
    const counts = await run('get_task_counts', { user_id: [1002] });
    expect(counts.data).toMatchObject({ total: 2, scheduled: 1, completed: 1 });
    await run('delete_task', { task_id: 8001 });
    expect((await failure(run('get_task', { task_id: 8001 }))).status).toBe(404);
  });

  test('a bulk job can be cancelled once while it is open; its data stays readable', async () => {
    await run('create_bulk_job_data', { bulk_jobs_id: 12345, fields: { data: [{ email_address: 'a@example.com', upsert_key: 'email_address' }] } });
    await expect(run('delete_bulk_job', { bulk_jobs_id: 12345 })).resolves.toEqual({ success: true });
    expect((await run('get_bulk_job', { bulk_jobs_id: 12345 })).data.state).toBe('cancelled');
    expect((await failure(run('delete_bulk_job', { bulk_jobs_id: 12345 }))).status).toBe(422);
    const data = await run('list_bulk_job_data', { bulk_jobs_id: 12345 });
    expect(data.data).toHaveLength(1);
    expect((await run('list_bulk_jobs', { state: ['cancelled'] })).data.map((j: Json) => j.id)).toEqual([12345]);
  });

  test('calendar events: an upsert with the same keys updates, a window lists', async () => {
    const event = { calendar_id: 'maya.chen@northbeam.io', id: 'evt-x', i_cal_uid: 'evt-x@northbeam.io', start_time: '2024-03-20T15:00:00Z', end_time: '2024-03-20T15:30:00Z', title: 'First' };
    const first = await run('upsert_calendar_event', { fields: event });
    const second = await run('upsert_calendar_event', { fields: { ...event, title: 'Renamed' } });
    expect([first.data.id, second.data.title]).toEqual(['evt-x', 'Renamed']);
    const listed = await run('list_calendar_events', { start_time: '2024-03-20T00:00:00Z', end_time: '2024-03-21T00:00:00Z' });
    expect(listed.data.map((e: Json) => [e.id, e.title])).toEqual([['evt-x', 'Renamed']]);
  });

  test('calendar events: a create lists in its window, a duplicate id is refused (422), an update moves it', async () => {
    const event = { calendar_id: 'maya.chen@northbeam.io', id: 'evt-new', title: 'Pricing call', start_time: '2024-03-22T15:00:00Z', end_time: '2024-03-22T15:30:00Z' };
    expect((await run('create_calendar_event', { fields: event })).data).toMatchObject({ id: 'evt-new', i_cal_uid: 'evt-new@salesloft' });
    expect((await failure(run('create_calendar_event', { fields: event }))).status).toBe(422);
    const moved = await run('update_calendar_event', { calendar_event_id: 'evt-new', fields: { start_time: '2024-03-25T15:00:00Z', end_time: '2024-03-25T15:30:00Z' } });
    expect([moved.data.id, moved.data.title, moved.data.start_time]).toEqual(['evt-new', 'Pricing call', '2024-03-25T15:00:00Z']);
    const listed = await run('list_calendar_events', { start_time: '2024-03-25T00:00:00Z', end_time: '2024-03-26T00:00:00Z' });
    expect(listed.data.map((e: Json) => e.id)).toEqual(['evt-new']);
    expect((await failure(run('update_calendar_event', { calendar_event_id: 'evt-missing', fields: { title: 'x' } }))).status).toBe(404);
  });

  test('a meeting reschedule link: for a booked meeting; an unknown meeting is a 404', async () => {
    expect((await run('get_meeting_reschedule_link', { meeting_id: 1302 })).data).toMatchObject({ id: 1302, url: expect.stringContaining('1302') });
    expect((await failure(run('get_meeting_reschedule_link', { meeting_id: 999999 }))).status).toBe(404);
  });

  test('saved list views: the view from the list (refused before sending), names unique (422)', async () => {
    const badView = (await failure(run('create_saved_list_view', { fields: { name: 'Deals', view: 'deals' } }))) as unknown as InputError;
    expect(badView).toBeInstanceOf(InputError);
    expect(badView.problems.map((p) => p.path)).toEqual(['fields.view']);
    const taken = await failure(run('create_saved_list_view', { fields: { name: 'hot leads', view: 'people' } }));
    expect(taken.message).toContain('already taken');
    await run('delete_saved_list_view', { saved_list_view_id: 1401 });
    expect((await run('list_saved_list_views', {})).data.map((v: Json) => v.id)).toEqual([1403, 1402]);
  });

  test('a pending email reported sent leaves the pending list and marks the email sent', async () => {
    expect((await run('list_pending_emails', {})).data.map((e: Json) => e.id)).toEqual([6004]);
    const failed = await failure(run('update_pending_email', { email_id: 6004, fields: { status: 'failed' } }));
    expect(failed.message).toContain('error_message');
    await run('update_pending_email', { email_id: 6004, fields: { status: 'sent', sent_at: '2024-03-11T14:00:02Z' } });
    expect((await run('list_pending_emails', {})).data).toEqual([]);
    expect((await run('get_email', { email_id: 6004 })).data.status).toBe('sent');
  });

  test('templates: archived and cadence-only templates only when asked for', async () => {
    const ids = async (input: Json) => (await run('list_email_templates', input)).data.map((t: Json) => t.id).sort();
    expect(await ids({})).toEqual([1201, 1202]);
    expect(await ids({ include_archived_templates: true, include_cadence_templates: true })).toEqual([1201, 1202, 1203, 1204]);
    expect((await run('list_email_templates_ddl', { search: 'demo' })).result).toEqual([{ text: 'Follow-up after demo', value: 1202 }]);
  });

  test('templates: a created template is owned by me and listed, a blank title refused before sending; an update keeps the fields left out', async () => {
    const created = await run('create_email_template', { fields: { title: 'Renewal check-in', subject: 'Renewal', body: '<p>Hi {{first_name}}</p>', click_tracking: false } });
    expect(created.data).toMatchObject({ title: 'Renewal check-in', template_owner: { id: 1001 }, open_tracking_enabled: true, click_tracking_enabled: false, body_preview: 'Hi {{first_name}}' });
    expect((await run('list_email_templates', { search: 'renewal' })).data.map((t: Json) => t.id)).toEqual([created.data.id]);
    const untitled = (await failure(run('create_email_template', { fields: { title: '' } }))) as unknown as InputError;
    expect(untitled.problems.map((p) => p.path)).toEqual(['fields.title']);
    const updated = await run('update_team_template', { team_template_id: 1221, fields: { open_tracking: false } });
    expect(updated.data).toMatchObject({ title: 'Team intro - manufacturing', open_tracking_enabled: false });
    expect((await run('create_team_template', { fields: { title: 'Security FAQ' } })).data).toMatchObject({ title: 'Security FAQ', counts: { sent_emails: 0 } });
  });

  test('activities complete the action; a live feed item is posted once per idempotency key', async () => {
    await run('create_activity', { fields: { action_id: 9002 } });
    expect((await failure(run('create_activity', { fields: { action_id: 9002 } }))).status).toBe(422);
    const item = { user_guid: '0863ed13-7120-479b-8650-206a3679e2fb', subject_type: 'person', subject_id: 3001, message: 'Visited pricing', idempotency_key: 'k-1', event_occurred_at: '2024-03-05T15:30:00Z' };
    const first = await run('create_live_feed_item', { fields: item });
    const again = await run('create_live_feed_item', { fields: item });
    expect(again.data[0].id).toBe(first.data[0].id);
  });

  test('cadence export and import round-trip the steps', async () => {
    const exported = await run('get_cadence_export', { cadence_id: 501 });
    const content = exported.data.cadence_content;
    const imported = await run('create_cadence_import', { fields: { ...content, settings: { ...content.settings, name: 'Copy of VP outbound' } } });
    const steps = await run('list_steps', { cadence_id: imported.data.cadence.id });
    expect(steps.data.map((s: Json) => s.name).sort()).toEqual(['Intro call', 'Intro email - VP', 'LinkedIn connect']);
  });
});
