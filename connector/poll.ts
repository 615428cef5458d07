// The cursor poller behind the polling triggers (poll_people, poll_calls, ...): one run reads what was
// created or updated since the state it is given, through a keyset walk of the trigger's list operation
// (connector/paginate.ts), and returns {records, state}. The caller stores `state` and passes it back.
//
// State: {after, seen_at_after}. Everything updated before `after`, and the ids in `seen_at_after` updated
// at exactly `after`, were returned already. A first run without state starts at the newest record the
// list has (SalesLoft's own clock, not this machine's) or at `since`.

import { ConfigurationError } from './errors.js';
import type { ApiRecord, OperationInput, TriggerOperation } from './operation.js';
import { canWalkByUpdatedAt, compareTimes, createPaginator, type FindOperation, type KeysetPosition, type OperationRunner } from './paginate.js';

export interface PollState {
  after: string;
  seen_at_after: Array<string | number>;
}

export interface PolledRecord {
  change: 'created' | 'updated';
  record: ApiRecord;
}

export interface PollResult {
  records: PolledRecord[];
  state: PollState;
  /** True when max_records stopped the poll before it reached the newest change: poll again now. */
  has_more: boolean;
}

export const defaultMaxRecords = 1000;

/** Trigger inputs that steer the poll; everything else is a filter of the list operation. */
export const pollInputs = ['access_token', 'state', 'since', 'max_records'];
/** Inputs of the list that the poller sets itself, so the trigger does not offer them. */
export const pollerSetsItself = ['page', 'per_page', 'sort_by', 'sort_direction', 'include_paging_counts', 'limit_paging_counts', 'updated_at'];
/** A list filter the trigger names otherwise, because its own `state` is the poll state. */
export const renamedFilters: Record<string, string> = { location_state: 'state' };

/** The newest record's position: a first poll starts there, returning nothing older. */
const newestPosition = async (runner: OperationRunner, list: string, filters: OperationInput): Promise<PollState | undefined> => {
  const { data = [] } = (await runner.run(list, { ...filters, per_page: 100, sort_by: 'updated_at', sort_direction: 'DESC' })) as { data?: ApiRecord[] };
  const newest = data[0];
  if (!newest) return undefined;
  const seen = data.filter((record) => compareTimes(record.updated_at, newest.updated_at) === 0).map((record) => record.id);
  return { after: String(newest.updated_at), seen_at_after: seen };
};

/** Created since the previous state (`after`, and the ids seen at it, as text), or changed after being seen before. */
const changeOf = (record: ApiRecord, after: string, seenAtAfter: ReadonlySet<string>): PolledRecord['change'] => {
  const created = compareTimes(record.created_at, after);
  if (created === undefined) return 'updated';
  if (created > 0) return 'created';
  return created === 0 && !seenAtAfter.has(String(record.id)) ? 'created' : 'updated';
};

export const runPoll = async (runner: OperationRunner, find: FindOperation, trigger: TriggerOperation, input: OperationInput): Promise<PollResult> => {
  const list = trigger.list ? await find(trigger.list) : undefined;
  if (!list || !canWalkByUpdatedAt(list)) {
    throw new ConfigurationError(`${trigger.name} polls ${trigger.list ?? 'no list operation'}, which cannot be walked by updated_at: the trigger is misdeclared.`);
  }
  const filters: OperationInput = {};
  for (const [key, value] of Object.entries(input)) if (!pollInputs.includes(key)) filters[renamedFilters[key] ?? key] = value;
  if (input.access_token !== undefined) filters.access_token = input.access_token;

  const given = input.state as PollState | undefined;
  const since = typeof input.since === 'string' ? { after: input.since, seen_at_after: [] } : undefined;
  const start = given ?? since ?? (await newestPosition(runner, list.operation.name, filters));
  if (!start) {
    // The list is empty: everything from now on is new. The epoch is "before anything".
    return { records: [], state: { after: new Date(0).toISOString(), seen_at_after: [] }, has_more: false };
  }
  if (!given && !since) return { records: [], state: start, has_more: false };

  const maxRecords = typeof input.max_records === 'number' ? input.max_records : defaultMaxRecords;
  const from: KeysetPosition = { updated_at: start.after, ids: start.seen_at_after };
  // Every version is read (yieldOnce off) so that the state moves past the latest one; a record that
  // changed again during this poll is returned once, at its latest version.
  const walk = createPaginator(runner, find, list.operation.name, filters, { limit: maxRecords }, { from, yieldOnce: false });
  const byId = new Map<string, PolledRecord>();
  const seenAtStart = new Set(start.seen_at_after.map(String));
  for await (const record of walk) {
    const key = String(record.id);
    const first = byId.get(key);
    byId.delete(key);
    byId.set(key, { change: first?.change ?? changeOf(record, start.after, seenAtStart), record });
  }
  const position = walk.position ?? from;
  return {
    records: [...byId.values()],
    state: { after: position.updated_at, seen_at_after: position.ids },
    has_more: !walk.finished,
  };
};
