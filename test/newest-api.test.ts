// The newest SalesLoft resources (issue 15): the rules each has of its own, against nock and the sandbox.
// The table-driven suites (samples, sandbox-e2e, lookups, registry) cover every operation's files and route.

import nock from 'nock';
import { ApiError, createConnector } from '../connector/index.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { answerOnce, expectRefused, mainOperations, realResponse, sample } from './support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('a 403 says what the operation needs', () => {
  const connector = createConnector({ accessToken: 'token-403', baseUrl: 'https://api.salesloft.com', retries: 0 });
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  const declaring = mainOperations.filter(({ operation }) => operation.kind === 'main' && operation.forbiddenHint);
  test('the newest operations declare their scope or plan', () => {
    expect(declaring.map(({ operation }) => operation.name)).toEqual(expect.arrayContaining(['list_opportunities', 'create_opportunity_stage', 'delete_opportunity_person']));
  });

  test.each(declaring.map(({ operation }) => [operation.name, operation] as const))('%s', async (name, operation) => {
    answerOnce(403, { error: 'Forbidden' });
    const error = (await failureOf(connector.runByName(name, sample(name, 'input.json')))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.kind]).toEqual([403, 'forbidden']);
    expect(error.message).toContain('Forbidden');
    expect(error.message).toContain(operation.kind === 'main' ? operation.forbiddenHint : '-');
  });
});

/** A fresh default sandbox, and a connector to it, for each test of the describe block that calls this. */
const withSandbox = (): { sandbox: Sandbox; connector: ReturnType<typeof createConnector> } => {
  const env = {} as { sandbox: Sandbox; connector: ReturnType<typeof createConnector> };
  beforeEach(async () => {
    env.sandbox = await startSandbox({ port: 0, rateLimit: { budget: 100_000 } });
    env.connector = createConnector({ baseUrl: env.sandbox.url, accessToken: 'sandbox-token', env: {}, retries: 0 });
  });
  afterEach(() => env.sandbox.close());
  return env;
};

describe('opportunities in the sandbox', () => {
  const env = withSandbox();

  test('list_opportunities filters by the people associated with them, and by state', async () => {
    const ofOlivia = (await env.connector.run('list_opportunities', { person_id: 3001 })) as Json;
    expect(ofOlivia.data.map((o: Json) => o.id)).toEqual([1701]);
    const won = (await env.connector.run('list_opportunities', { is_won: true })) as Json;
    expect(won.data.map((o: Json) => [o.id, o.stage_name])).toEqual([[1703, 'Closed Won']]);
  });

  test('a new stage goes after the last one and its name must be unique', async () => {
    const created = (await env.connector.run('create_opportunity_stage', { fields: { name: 'Legal Review' } })) as Json;
    expect(created.data).toMatchObject({ name: 'Legal Review', order: 7 });
    const again = (await failureOf(env.connector.run('create_opportunity_stage', { fields: { name: 'legal review' } }))) as ApiError;
    expect([again.status, again.fieldErrors]).toEqual([422, { name: ['is already taken'] }]);
  });

  test('a stage that opportunities use cannot be deleted; an unused one can', async () => {
    const refused = (await failureOf(env.connector.run('delete_opportunity_stage', { opportunity_stage_id: 162 }))) as ApiError;
    expect(refused.status).toBe(422);
    expect(refused.message).toContain('move them to another stage first');
    expect(env.sandbox.store.get('opportunity_stages', 162)).toBeDefined();
    await expect(env.connector.run('delete_opportunity_stage', { opportunity_stage_id: 165 })).resolves.toEqual({ success: true });
    expect(env.sandbox.store.get('opportunity_stages', 165)).toBeUndefined();
  });

  test('a person is associated with an opportunity once, and removing the association keeps both', async () => {
    const duplicate = (await failureOf(env.connector.run('create_opportunity_person', { fields: { opportunity_id: 1701, person_id: 3001 } }))) as ApiError;
    expect([duplicate.status, duplicate.fieldErrors]).toEqual([422, { person_id: ['is already associated with this opportunity'] }]);
    const unknown = (await failureOf(env.connector.run('create_opportunity_person', { fields: { opportunity_id: 9999, person_id: 3001 } }))) as ApiError;
    expect(unknown.fieldErrors).toEqual({ opportunity_id: ['does not exist'] });
    await env.connector.run('delete_opportunity_person', { opportunity_person_id: 1801 });
    expect([env.sandbox.store.get('opportunities', 1701)?.id, env.sandbox.store.get('people', 3001)?.id]).toEqual([1701, 3001]);
    const left = (await env.connector.run('list_opportunities', { person_id: 3001 })) as Json;
    expect(left.data).toEqual([]);
  });
});

describe('team roles, CRM account teams and cadence stats in the sandbox', () => {
  const env = withSandbox();

  test('get_cadence_stats counts what happens on the cadence', async () => {
    const before = ((await env.connector.run('get_cadence_stats', { cadence_id: 501 })) as Json).data;
    const onCadence = env.sandbox.store.list('cadence_memberships').find((m) => (m.cadence as Json).id === 501 && m.currently_on_cadence === true)!;
    await env.connector.run('delete_cadence_membership', { cadence_membership_id: onCadence.id });
    const after = ((await env.connector.run('get_cadence_stats', { cadence_id: 501 })) as Json).data;
    expect([after.cadence_people, after.removed_people]).toEqual([before.cadence_people - 1, before.removed_people + 1]);
    const missing = (await failureOf(env.connector.run('get_cadence_stats', { cadence_id: 999 }))) as ApiError;
    expect(missing.status).toBe(404);
  });

  test('get_profile is the user the token acts as', async () => {
    const { data } = (await env.connector.run('get_profile', {})) as Json;
    expect([data.id, data.email]).toEqual([env.sandbox.store.me, env.sandbox.store.get('users', env.sandbox.store.me)!.email]);
  });

  test('the id dropdowns of dispositions and sentiments give what the get operations take', async () => {
    const { result } = (await env.connector.run('list_call_sentiments_id_ddl', {})) as Json;
    const positive = result.find((choice: Json) => choice.text === 'Positive');
    const { data } = (await env.connector.run('get_call_sentiment', { call_sentiment_id: positive.value })) as Json;
    expect(data.name).toBe('Positive');
  });
});

describe('conversations and transcriptions', () => {
  const env = withSandbox();

  test('a conversation or transcription id that is not a UUID is refused before anything is sent', async () => {
    nock.disableNetConnect();
    try {
      await expectRefused(createConnector({ accessToken: 't', retries: 0 }), 'get_conversation', { conversation_id: '2101' }, ['conversation_id']);
      await expectRefused(createConnector({ accessToken: 't', retries: 0 }), 'list_transcription_sentences', { transcription_id: '../people' }, ['transcription_id']);
    } finally {
      nock.enableNetConnect();
    }
  });

  test('conversations are found by exact title or title prefix, and carry UUID ids', async () => {
    const exact = (await env.connector.run('list_conversations', { title: 'Globex - Proposal Review' })) as Json;
    expect(exact.data.map((c: Json) => c.id)).toEqual(['b3e8f0a2-6c4d-4f19-8d7e-0a5b2c9e1f34']);
    const prefix = (await env.connector.run('list_conversations', { title_starts_with: 'Umbrella' })) as Json;
    expect(prefix.data.map((c: Json) => c.title)).toEqual(['Umbrella Health - Intro (voicemail)']);
    expect(env.sandbox.requests.at(-1)?.query).toMatchObject({ title: { _starts_with: 'Umbrella' } });
  });

  test('a transcript is read in order, page by page, from the conversation it belongs to', async () => {
    const { data: conversation } = (await env.connector.run('get_conversation', { conversation_id: '71d91aec-80bc-463b-b072-475aea744805' })) as Json;
    const first = (await env.connector.run('list_transcription_sentences', { transcription_id: conversation.transcription_id, per_page: 2 })) as Json;
    const second = (await env.connector.run('list_transcription_sentences', { transcription_id: conversation.transcription_id, per_page: 2, page: 2 })) as Json;
    expect([...first.data, ...second.data].map((s: Json) => s.order_number)).toEqual([1, 2, 3]);
    expect(first.metadata.paging.next_page).toBe(2);
    const missing = (await failureOf(env.connector.run('list_transcription_sentences', { transcription_id: '00000000-0000-4000-8000-000000000000' }))) as ApiError;
    expect(missing.status).toBe(404);
  });

  test('recording and transcript files come as signed URLs that expire', async () => {
    const { data } = (await env.connector.run('get_conversation_recording', { conversation_id: '71d91aec-80bc-463b-b072-475aea744805' })) as Json;
    expect(data.url).toMatch(/71d91aec-80bc-463b-b072-475aea744805\.mp4\?expires=\d+&signature=/);
    expect(Date.parse(data.expires_at)).toBeGreaterThan(Date.now());
  });
});

describe('data control requests run in the background', () => {
  const env = withSandbox();

  const follow = async (id: number): Promise<string[]> => {
    const states: string[] = [];
    for (let read = 0; read < 3; read++) states.push(((await env.connector.run('get_data_control_request', { data_control_request_id: id })) as Json).data.state);
    return states;
  };

  test('a dry run goes pending -> in_progress -> completed, counts what it would do and changes nothing', async () => {
    const { data } = (await env.connector.run('create_right_to_be_forgotten_request', { fields: { people_ids: [3001], dry_run: true } })) as Json;
    expect(data).toMatchObject({ state: 'pending', dry_run: true, request_type: 'right_to_be_forgotten' });
    expect(await follow(data.id)).toEqual(['in_progress', 'completed', 'completed']);
    const done = ((await env.connector.run('get_data_control_request', { data_control_request_id: data.id })) as Json).data;
    expect(done.counts).toEqual({ accounts: 0, people: 1 });
    expect(env.sandbox.store.get('people', 3001)).toBeDefined();
  });

  test('a real right to be forgotten request erases the person and their notes, calls and emails once completed', async () => {
    const personOf = (field: string) => (r: Json) => r[field]?.id === 3001;
    expect(env.sandbox.store.list('notes').some(personOf('person')) || env.sandbox.store.list('calls').some(personOf('called_person'))).toBe(true);
    const { data } = (await env.connector.run('create_right_to_be_forgotten_request', { fields: { people_ids: [3001] } })) as Json;
    expect(env.sandbox.store.get('people', 3001)).toBeDefined(); // nothing happens until the background work runs
    await follow(data.id);
    expect(env.sandbox.store.get('people', 3001)).toBeUndefined();
    expect([env.sandbox.store.list('notes').some(personOf('person')), env.sandbox.store.list('calls').some(personOf('called_person')), env.sandbox.store.list('emails').some(personOf('recipient'))]).toEqual([false, false, false]);
  });

  test('an account and people redaction redacts the account and every person on it', async () => {
    const people = env.sandbox.store.list('people').filter((p) => (p.account as Json)?.id === 2001).map((p) => p.id);
    const { data } = (await env.connector.run('create_account_and_people_redaction', { fields: { account_id: 2001 } })) as Json;
    await follow(data.id);
    expect(env.sandbox.store.get('accounts', 2001)).toMatchObject({ name: 'Redacted Account', domain: null });
    for (const id of people) expect(env.sandbox.store.get('people', id)).toMatchObject({ first_name: 'Redacted', email_address: null });
    const done = ((await env.connector.run('list_data_control_requests', { request_type: 'account_and_people_redaction' })) as Json).data;
    expect(done.map((r: Json) => [r.id, r.state, r.counts])).toEqual([[data.id, 'completed', { accounts: 1, people: people.length }]]);
  });

  test('unknown accounts and people are refused with SalesLoft-style field errors', async () => {
    const account = (await failureOf(env.connector.run('create_account_redaction', { fields: { account_id: 999_999 } }))) as ApiError;
    expect([account.status, account.fieldErrors]).toEqual([422, { account_id: ['does not exist'] }]);
    const people = (await failureOf(env.connector.run('create_people_soft_deletion', { fields: { people_ids: [3001, 999_999] } }))) as ApiError;
    expect(people.fieldErrors).toEqual({ people_ids: ['do not exist: 999999'] });
  });
});

describe('signals and their registrations', () => {
  const env = withSandbox();

  const signal = (fields: Record<string, unknown> = {}) => ({
    fields: { type: 'video_watched', urgency: 'medium', occurred_at: '2024-03-15T14:05:00Z', indicators: [{ key: 'watched', metadata: { view_count: 1 } }], data: { video_name: 'Demo' }, attribution: { person_id: 3002 }, ...fields },
  });

  test('a signal of an unregistered type gets SalesLoft\'s own 422, as recorded', async () => {
    const error = (await failureOf(env.connector.runByName('create_signal', signal({ type: 'webinar_attended' })))) as ApiError;
    const recorded = realResponse('write-signals-error.json') as { errors: Record<string, string[]> };
    expect([error.status, error.fieldErrors]).toEqual([422, recorded.errors]);
  });

  test('the runner gives each signal an idempotency key, and SalesLoft keeps the first signal with a key', async () => {
    await env.connector.runByName('create_signal', signal());
    const key = (env.sandbox.requests.at(-1)?.body as Json).idempotency_key;
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = (await env.connector.runByName('create_signal', signal({ idempotency_key: key, urgency: 'high' }))) as Json;
    expect([again.data.urgency, env.sandbox.store.list('signals').length]).toEqual(['medium', 1]);
  });

  test('a registered type takes signals once registered; its indicators are checked; deleting it removes its plays', async () => {
    const registration = (await env.connector.run('create_signal_registration', {
      fields: { type: 'webinar_attended', description: { 'en-us': 'attended {webinar}' }, data_shape: { webinar: { type: 'string' } }, indicators: [{ key: 'attended' }], attribution: ['person_id'] },
    })) as Json;
    const unknownIndicator = (await failureOf(env.connector.runByName('create_signal', signal({ type: 'webinar_attended', indicators: [{ key: 'registered' }] })))) as ApiError;
    expect(unknownIndicator.fieldErrors).toEqual({ indicators: ['are not registered for webinar_attended: registered'] });
    await expect(env.connector.runByName('create_signal', signal({ type: 'webinar_attended', indicators: [{ key: 'attended' }] }))).resolves.toMatchObject({ data: { type: 'webinar_attended' } });
    const play = (await env.connector.run('create_play_registration', { fields: { signal_registration_id: registration.data.id, name: 'Call attendees' } })) as Json;
    expect(play.data.signal_registration.id).toBe(registration.data.id);
    await env.connector.run('delete_signal_registration', { signal_registration_id: registration.data.id });
    expect(env.sandbox.store.get('play_registrations', play.data.id)).toBeUndefined();
  });

  test('a type is registered once per integration', async () => {
    const error = (await failureOf(
      env.connector.run('create_signal_registration', { fields: { type: 'video_watched', description: {}, data_shape: {}, indicators: [{ key: 'watched' }], attribution: ['person_id'] } }),
    )) as ApiError;
    expect([error.status, error.fieldErrors]).toEqual([422, { type: ['is already taken'] }]);
  });
});

describe('external ids and group writes', () => {
  const env = withSandbox();

  test('a mapping needs its external type configured for that kind of record, and finds the record by its external id', async () => {
    const unconfigured = (await failureOf(env.connector.run('create_external_id_mapping', { fields: { object_type: 'accounts', object_id: 2001, external_type: 'erp_customer', external_id: 'C-1' } }))) as ApiError;
    expect(unconfigured.fieldErrors).toEqual({ external_type: ['is not configured for accounts'] });
    await env.connector.run('create_external_id_configuration', { fields: { object_type: 'accounts', external_type: 'erp_customer' } });
    await env.connector.run('create_external_id_mapping', { fields: { object_type: 'accounts', object_id: 2001, external_type: 'erp_customer', external_id: 'C-1' } });
    const found = (await env.connector.run('list_external_id_mappings', { external_type: 'erp_customer', external_id: 'C-1' })) as Json;
    expect(found.data.map((m: Json) => [m.object_type, m.object_id])).toEqual([['accounts', '2001']]);
  });

  test('a deleted mapping stays listable as deleted, and then its configuration can go', async () => {
    const refused = (await failureOf(env.connector.run('delete_external_id_configuration', { external_id_configuration_id: 2601 }))) as ApiError;
    expect(refused.message).toContain('delete them first');
    for (const id of [2611, 2612]) await env.connector.run('delete_external_id_mapping', { external_id_mapping_id: id });
    const deleted = (await env.connector.run('list_external_id_mappings', { deleted: true })) as Json;
    expect(deleted.data.map((m: Json) => m.id).sort()).toEqual([2611, 2612]);
    await expect(env.connector.run('delete_external_id_configuration', { external_id_configuration_id: 2601 })).resolves.toEqual({ success: true });
  });

  test('groups: names are unique, a parent must exist, and deleting one frees its users and child groups', async () => {
    const taken = (await failureOf(env.connector.run('create_group', { fields: { name: 'sales' } }))) as ApiError;
    expect(taken.fieldErrors).toEqual({ name: ['is already taken'] });
    const orphan = (await failureOf(env.connector.run('create_group', { fields: { name: 'EMEA', parent_id: 99 } }))) as ApiError;
    expect(orphan.fieldErrors).toEqual({ parent_id: ['does not exist'] });
    await env.connector.run('delete_group', { group_id: 11 });
    expect([env.sandbox.store.get('groups', 12)?.parent_id, (env.sandbox.store.get('users', 1001)?.group as Json | null)?.id ?? null]).toEqual([null, null]);
    const listed = (await env.connector.run('list_groups', {})) as Json;
    expect(listed.data.map((g: Json) => g.id)).toEqual([12]);
  });
});

describe('audit reports, missing tags, availability, bulk memberships and cadence exports', () => {
  const env = withSandbox();

  test('an audit report is prepared in the background and then gives a download URL', async () => {
    const { data } = (await env.connector.run('create_audit_report', { fields: { start_date: '2024-03-01', end_date: '2024-03-31' } })) as Json;
    expect([data.state, data.download_url]).toEqual(['pending', null]);
    const states = [];
    for (let read = 0; read < 2; read++) states.push(((await env.connector.run('get_audit_report', { audit_report_id: data.id })) as Json).data);
    expect(states.map((report) => report.state)).toEqual(['processing', 'completed']);
    expect(states[1].download_url).toMatch(/audit_reports\/\d+\.csv\?expires=/);
    const backwards = (await failureOf(env.connector.run('create_audit_report', { fields: { start_date: '2024-03-31', end_date: '2024-03-01' } }))) as ApiError;
    expect(backwards.fieldErrors).toEqual({ end_date: ['must be on or after start_date'] });
  });

  test('missing tags are the person\'s empty values; a check needs a subject or a body before anything is sent', async () => {
    const { data } = (await env.connector.run('create_email_missing_tags_check', { fields: { person_id: 3001, subject: 'Hi {{first_name}}', body: '{{account.name}} {{ mobile_phone }}' } })) as Json;
    expect(data.missing_tags).toEqual([]);
    const before = env.sandbox.requests.length;
    const refused = await expectRefused(env.connector, 'create_email_missing_tags_check', { fields: { person_id: 3001 } }, ['fields']);
    expect(refused.message).toContain('needs a subject or a body');
    expect(env.sandbox.requests.length).toBe(before);
  });

  test('availability is the working day in each user\'s time zone, without the lunch hour or weekends', async () => {
    const { data } = (await env.connector.run('list_calendar_availabilities', { start_time: '2024-03-16T00:00:00Z', end_time: '2024-03-19T00:00:00Z', user_guids: ['9a7d3e1c-6b2f-4c8d-b5e4-1f0a8c3d7e92'] })) as Json;
    // Sam O'Brien works from London (UTC+0); 16 and 17 March 2024 are a weekend.
    expect(data.map((slot: Json) => [slot.start_time, slot.end_time])).toEqual([
      ['2024-03-18T09:00:00.000Z', '2024-03-18T12:00:00.000Z'],
      ['2024-03-18T13:00:00.000Z', '2024-03-18T17:00:00.000Z'],
    ]);
  });

  test('bulk memberships add who can be added and say why the others were not', async () => {
    const { data } = (await env.connector.run('create_cadence_bulk_memberships', { fields: { cadence_id: 502, person_ids: [3001, 3004, 999_999] } })) as Json;
    expect(data.added_count).toBe(1);
    expect(data.errors).toEqual([
      { person_id: 3004, error: 'Person is already on this cadence' },
      { person_id: 999_999, error: 'Person does not exist' },
    ]);
    const memberships = (await env.connector.run('list_cadence_memberships', { person_id: 3001, cadence_id: 502 })) as Json;
    expect(memberships.data.map((m: Json) => m.current_state)).toEqual(['staged']);
  });

  test('a cadence export answers a signed URL; unknown cadences are refused', async () => {
    const { data } = (await env.connector.run('create_cadence_export_download', { fields: { cadence_ids: [501] } })) as Json;
    expect([data.state, data.cadence_ids]).toEqual(['completed', [501]]);
    expect(data.download_url).toMatch(/cadence_exports\/\d+\.json\?expires=/);
    const unknown = (await failureOf(env.connector.run('create_cadence_export_download', { fields: { cadence_ids: [501, 999] } }))) as ApiError;
    expect(unknown.fieldErrors).toEqual({ cadence_ids: ['do not exist: 999'] });
  });
});
