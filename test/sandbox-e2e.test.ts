// End to end against the local sandbox over loopback HTTP: every registered operation (main and DDL) runs
// from its sample input (seed ids swapped in by property name) through the connector, and its answer must
// validate against the operation's output schema. Plus the main-job recipe.

import { createConnector, type Connector } from '../connector/index.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { runRecipe } from '../scripts/recipe.js';
import { operations, sample, schemaProblems } from './support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const connectorFor = (sandbox: Sandbox): Connector => createConnector({ baseUrl: sandbox.url, accessToken: 'sandbox-token', env: {}, retries: 0 });

/** Seed ids by property name. Values read from the store where the seed has them. */
const seedIds = (store: Sandbox['store']): Record<string, unknown> => {
  const first = (name: string, fallback: number) => store.get(name, fallback)?.id ?? store.list(name)[0]?.id ?? fallback;
  const me = store.get('users', 1001) ?? store.list('users')[0];
  return {
    person_id: first('people', 3001),
    account_id: first('accounts', 2001),
    cadence_id: first('cadences', 501),
    step_id: first('steps', 601),
    user_id: me.id,
    owner_id: me.id,
    person_stage_id: first('person_stages', 21),
    company_stage_id: first('account_stages', 31),
    account_stage_id: first('account_stages', 31),
    account_tier_id: first('account_tiers', 41),
    import_id: first('imports', 131),
    custom_field_id: first('custom_fields', 111),
    call_id: first('calls', 4001),
    note_id: first('notes', 7001),
    task_id: first('tasks', 8001),
    action_id: first('actions', 9001),
    bulk_jobs_id: first('bulk_jobs', 301),
    cadence_membership_id: first('cadence_memberships', 9701),
    email_id: first('emails', 6001),
    group_id: first('groups', 11),
    user_guid: me.guid,
    disposition: store.list('call_dispositions')[0]?.name,
    sentiment: store.list('call_sentiments')[0]?.name,
  };
};

/** Same kind as the sample's value: a numeric string stays a string, a number stays a number. */
const sameKind = (original: unknown, value: unknown): unknown => {
  if (typeof original === 'string' && typeof value === 'number') return String(value);
  if (typeof original === 'number' && typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
};

/** Replaces the values of known id properties by seed ids, by property name, anywhere in the input. */
const toSandboxInput = (input: Json, ids: Record<string, unknown>): Json => {
  if (Array.isArray(input)) return input.map((item) => toSandboxInput(item, ids));
  if (!input || typeof input !== 'object') return input;
  const out: Json = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'linked_call_data_record_ids') out[key] = [5005].map((id) => sameKind(Array.isArray(value) ? value[0] : id, id));
    else if (key === 'associated_with_id') out[key] = sameKind(value, input.associated_with_type === 'account' ? ids.account_id : ids.person_id);
    else if (key in ids && ids[key] !== undefined) {
      const id = ids[key];
      // A list filter such as owner_id: [67890, "_is_null"]: swap the ids, keep the special values.
      out[key] = Array.isArray(value) ? value.map((item) => (typeof item === 'number' || (typeof item === 'string' && /^\d+$/.test(item)) || key === 'user_guid' || key === 'disposition' ? sameKind(item, id) : item)) : sameKind(value, id);
    } else out[key] = toSandboxInput(value, ids); // *_ids list filters are kept: an unknown id just gives an empty list
  }
  return out;
};

/** Operations that need a state first: run other operations through the connector and patch the input. */
const prepare: Record<string, (connector: Connector, input: Json, sandbox: Sandbox) => Promise<Json>> = {
  // Only an open (not yet executing) job can be marked ready or take data; seed job 301 is done.
  update_bulk_job: async (connector, input) => ({ ...input, bulk_jobs_id: (await openBulkJob(connector)).id }),
  create_bulk_job_data: async (connector, input) => ({ ...input, bulk_jobs_id: (await openBulkJob(connector)).id }),
  // A person can be on a cadence only once: use a person with no membership on the cadence.
  create_cadence_membership: async (_connector, input, sandbox) => {
    const on = new Set(sandbox.store.list('cadence_memberships').filter((m) => idOf(m.cadence) === input.fields.cadence_id).map((m) => idOf(m.person)));
    const person = sandbox.store.list('people').find((p) => !on.has(p.id));
    return { ...input, fields: { ...input.fields, person_id: person!.id } };
  },
  // The sandbox delivers webhooks only to loopback receivers and starts with no subscription.
  create_webhook_subscription: async (_connector, input) => ({ ...input, fields: { ...input.fields, callback_url: 'http://127.0.0.1:9/hooks' } }),
  get_webhook_subscription: async (connector, input) => ({ ...input, webhook_subscription_id: await loopbackSubscription(connector) }),
  update_webhook_subscription: async (connector, input) => ({ ...input, webhook_subscription_id: await loopbackSubscription(connector) }),
  delete_webhook_subscription: async (connector, input) => ({ ...input, webhook_subscription_id: await loopbackSubscription(connector) }),
  list_webhook_subscriptions_ddl: async (connector, input) => (await loopbackSubscription(connector), input),
};

const loopbackSubscription = async (connector: Connector): Promise<number> => {
  const created = (await connector.run('create_webhook_subscription', { fields: { callback_url: 'http://127.0.0.1:9/hooks', callback_token: 'e2e', event_type: 'person_created' } })) as Json;
  return Number(created.data.id);
};

const idOf = (ref: unknown): unknown => (ref && typeof ref === 'object' ? (ref as { id?: unknown }).id : ref);

const openBulkJob = async (connector: Connector): Promise<{ id: number }> => {
  const job = (await connector.run('create_bulk_job', { fields: { type: 'person/upsert', name: 'e2e job' } })) as Json;
  return { id: Number(job.data.id) };
};

// DDLs whose sample filter legitimately gives an empty list in the seed: none at present (all DDLs list something).
const EMPTY_OK = new Set<string>([]);

describe('every operation against the sandbox', () => {
  // Webhook triggers are delivered, not run: test/webhooks-sandbox.test.ts receives them from the sandbox.
  const runnable = operations.filter(({ operation }) => !(operation.kind === 'trigger' && operation.delivery === 'webhook'));
  test.each(runnable.map((entry) => [entry.operation.name, entry.operation.kind, entry.operation.kind === 'ddl' && entry.operation.paging === 'static'] as const))('%s (%s)', async (name, kind, isStatic) => {
    const sandbox = await startSandbox({ port: 0, rateLimit: { budget: 100_000 } });
    try {
      const connector = connectorFor(sandbox);
      const sampleInput = sample(name, 'input.json');
      let input = name === 'raw_http_request' ? sampleInput : toSandboxInput(sampleInput, seedIds(sandbox.store));
      if (prepare[name]) input = await prepare[name](connector, input, sandbox);
      const output = (await connector.run(name as never, input as never)) as Json;
      if (!isStatic) expect(sandbox.requests.length).toBeGreaterThan(0); // really went over loopback HTTP (static DDLs send nothing)
      expect(schemaProblems(name, 'output', output)).toEqual([]);
      if (kind === 'ddl' && !EMPTY_OK.has(name)) expect(output.result.length).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  });
});

test('the main-job recipe runs against the sandbox', async () => {
  const sandbox = await startSandbox({ port: 0, rateLimit: { budget: 100_000 } });
  try {
    const lines: string[] = [];
    await runRecipe(connectorFor(sandbox), (line) => lines.push(line));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines[lines.length - 1]).toMatch(/invalid create_person input/i);
  } finally {
    await sandbox.close();
  }
});
