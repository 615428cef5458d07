// The polling triggers against the sandbox: a first poll starts at now, later polls return exactly what was
// created or updated since, marked, with no miss and no repeat across polls, writes landing during a poll,
// equal timestamps and max_records.

import { createConnector, InputError, type Connector } from '../connector/index.js';
import type { OperationInput } from '../connector/operation.js';
import { canWalkByUpdatedAt, findIn, listOperations } from '../connector/paginate.js';
import { runPoll, type PollResult, type PollState } from '../connector/poll.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { listsWithoutTrigger, pollTriggerSchemas } from '../scripts/poll-triggers.js';
import { registry } from './support.js';

let sandbox: Sandbox;
let connector: Connector;

beforeEach(async () => {
  sandbox = await startSandbox({ rateLimit: { budget: 100_000 } });
  connector = createConnector({ baseUrl: sandbox.url, accessToken: 'sandbox-token', env: {}, retries: 0 });
});
afterEach(() => sandbox.close());

const poll = (input: OperationInput): Promise<PollResult> => connector.run('poll_people', input) as Promise<PollResult>;
const changes = (result: PollResult): Array<[unknown, string]> => result.records.map(({ record, change }) => [record.id, change]);

test('every list that can be walked by updated_at has its poll trigger (else: npm run build && node dist/scripts/poll-triggers.js)', () => {
  expect(listsWithoutTrigger(registry).map((list) => list.operation.name)).toEqual([]);
});

test('poll triggers read lists that can be walked by updated_at, one trigger a list, named after it', () => {
  const pollable = listOperations(registry)
    .filter(canWalkByUpdatedAt)
    .map((entry) => entry.operation.name)
    .sort();
  const triggers = registry.all().flatMap(({ operation }) => (operation.kind === 'trigger' && operation.delivery === 'poll' ? [operation] : []));
  expect(triggers.map((trigger) => trigger.list).sort()).toEqual(pollable);
  for (const trigger of triggers) expect(trigger.name).toBe(trigger.list!.replace(/^list_/, 'poll_'));
});

test('the first poll returns nothing and starts at now; the next returns exactly the 3 created and 2 updated', async () => {
  const first = await poll({});
  expect(first.records).toEqual([]);
  expect(JSON.stringify(first.state).length).toBeLessThan(200);

  const created = [1, 2, 3].map((n) => sandbox.store.insert('people', { first_name: `New${n}`, last_name: 'Person', email_address: `new${n}@example.com` }).id);
  sandbox.store.update('people', 3001, { title: 'VP Sales' });
  sandbox.store.update('people', 3005, { title: 'CTO' });

  const second = await poll({ state: first.state });
  expect(changes(second)).toEqual([...created.map((id) => [id, 'created']), [3001, 'updated'], [3005, 'updated']]);
  expect(second.has_more).toBe(false);
  expect((await poll({ state: second.state })).records).toEqual([]);
});

test('since starts the first poll at that time instead of now', async () => {
  const since = sandbox.store.now();
  sandbox.store.update('people', 3002, { title: 'Changed after since' });
  const result = await poll({ since });
  expect(changes(result)).toEqual([[3002, 'updated']]);
});

test('filters are passed to the list, location_state as its state filter', async () => {
  const first = await poll({ person_stage_id: [21] });
  sandbox.requests.length = 0;
  await poll({ state: first.state, person_stage_id: [21], location_state: ['IL'] });
  expect(sandbox.requests.at(-1)?.query).toMatchObject({ person_stage_id: ['21'], state: ['IL'], sort_by: 'updated_at', sort_direction: 'ASC' });
});

test('records sharing one timestamp, read a few per poll, are each returned once', async () => {
  const { state } = await poll({});
  const shared = sandbox.store.now();
  const ids = Array.from({ length: 7 }, (_, n) => sandbox.store.insert('people', { last_name: `Tie${n}`, created_at: shared, updated_at: shared }).id);
  ids.push(sandbox.store.insert('people', { last_name: 'After' }).id);
  const seen: unknown[] = [];
  let current: PollState = state;
  for (let round = 0; round < 10; round++) {
    const result = await poll({ state: current, max_records: 3 });
    seen.push(...result.records.map(({ record, change }) => (expect(change).toBe('created'), record.id)));
    current = result.state;
    if (!result.has_more) break;
  }
  expect(seen).toEqual(ids);
});

test('writes landing while polls run are returned once each, at their latest version, none missed', async () => {
  const { state } = await poll({});
  const people = sandbox.store.list('people').map((person) => person.id as number);
  for (const id of people) sandbox.store.update('people', id, { title: 'Before the polls' });
  let writes = 0;
  // Between every page the polls read, another person is updated and one is created.
  const busy = {
    run: async (name: string, input: OperationInput) => {
      const page = await connector.run(name as never, input as never);
      if (writes < 20) {
        writes += 1;
        sandbox.store.update('people', people[writes % people.length], { title: `Write ${writes}` });
        sandbox.store.insert('people', { last_name: `Created during poll ${writes}` });
      }
      return page;
    },
  };
  const trigger = registry.get('poll_people')!.operation;
  if (trigger.kind !== 'trigger') throw new Error('poll_people is not a trigger');
  const returned: Array<{ id: unknown; updated_at: unknown }> = [];
  let current = state;
  for (let round = 0; round < 50; round++) {
    const result = await runPoll(busy, findIn(registry), trigger, { state: current, max_records: 4 });
    returned.push(...result.records.map(({ record }) => ({ id: record.id, updated_at: record.updated_at })));
    current = result.state;
    if (!result.has_more && writes >= 20) break;
  }
  const finalPoll = await poll({ state: current });
  returned.push(...finalPoll.records.map(({ record }) => ({ id: record.id, updated_at: record.updated_at })));
  // No version returned twice; the latest version of every record changed since the first poll returned.
  const versions = returned.map(({ id, updated_at }) => `${id}@${updated_at}`);
  expect(new Set(versions).size).toBe(versions.length);
  const latest = sandbox.store.list('people').map((person) => `${person.id}@${person.updated_at}`);
  for (const version of latest) expect(versions).toContain(version);
});

test('a poll without a token is refused before anything is sent', async () => {
  const tokenless = createConnector({ baseUrl: sandbox.url, env: {}, retries: 0 });
  await expect(tokenless.run('poll_people', {})).rejects.toThrow(/No SalesLoft access token/);
  expect(sandbox.requests).toHaveLength(0);
});

test('a broken state or bound is refused by field before anything is sent', async () => {
  const error = await poll({ state: { seen_at_after: [] }, max_records: 0 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).problems.map((problem) => problem.path).sort()).toEqual(['max_records', 'state.after']);
  expect(sandbox.requests).toHaveLength(0);
});

test.each(pollTriggerSchemas(registry).map((entry) => [entry.folder.split('/').pop(), entry] as const))('%s takes its list operation\'s filters (else: npm run build && node dist/scripts/poll-triggers.js)', (_, { schema, current }) => {
  expect(current).toEqual(schema);
});
