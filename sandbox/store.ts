// In-memory data of the sandbox: one collection of records per SalesLoft resource.
// Records are stored as SalesLoft returns them, except that embedded resources are kept as `{id}`:
// the `_href` links are added when a record is rendered (they depend on the sandbox URL).

import { CURRENT_COLLECTIONS } from './collections-current.js';
import { NEWEST_COLLECTIONS } from './collections-newest.js';
import { HashIndex, hashKeys, OrderedIndex, type HashMode } from './indexes.js';
import { templateFor } from './shapes.js';

export type SandboxRecord = Record<string, unknown> & { id: number };

export const COLLECTIONS = [
  'users',
  'groups',
  'person_stages',
  'account_stages',
  'account_tiers',
  'cadences',
  'steps',
  'call_dispositions',
  'call_sentiments',
  'tags',
  'custom_fields',
  'crm_activity_fields',
  'imports',
  'accounts',
  'people',
  'cadence_memberships',
  'calls',
  'call_data_records',
  'emails',
  'notes',
  'tasks',
  'actions',
  'crm_activities',
  'bulk_jobs',
  'bulk_job_results',
  ...CURRENT_COLLECTIONS,
  'webhook_subscriptions',
  ...NEWEST_COLLECTIONS,
] as const;

export type CollectionName = (typeof COLLECTIONS)[number];

/** The data a sandbox starts with. A seed file (--seed FILE) is this object as JSON. */
export type SandboxSeed = {
  /** Id of the user the token authenticates as (GET /v2/me); default: the first user. */
  me?: number;
  /** The team every user belongs to. */
  team?: { id: number; name: string };
} & { [K in CollectionName]?: Array<Partial<SandboxRecord> & Record<string, unknown>> };

// Resources whose SalesLoft shape has no created_at/updated_at.
const NO_TIMESTAMPS = new Set<string>(['groups', 'tags', 'bulk_job_results', 'webhook_subscriptions']);

/** A change to the data, as the webhook deliveries (webhooks.ts) see it; `previous` is the record before an update. */
export interface StoreChange {
  collection: string;
  action: 'created' | 'updated' | 'deleted';
  record: SandboxRecord;
  previous?: Record<string, unknown>;
}

/** Microseconds since the epoch from an ISO-8601 string (with or without fraction/offset); NaN if invalid. */
export function parseTime(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) return Number.NaN;
  const [, date, time = '00:00:00', frac = '', zone = 'Z'] = m;
  const z = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}${z}`);
  if (Number.isNaN(ms)) return Number.NaN;
  return ms * 1000 + Number.parseInt((frac + '000000').slice(0, 6), 10);
}

/** ISO-8601 with microseconds, Z form: 2024-03-01T15:00:00.123456Z */
export function formatMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString(); // ...ss.mmmZ
  return `${iso.slice(0, -1)}${String(micros % 1000).padStart(3, '0')}Z`;
}

export class SandboxStore {
  private data = new Map<string, Map<number, SandboxRecord>>();
  private nextIds = new Map<string, number>();
  private deleted = new Map<string, Set<number>>();
  private orderedIndexes = new Map<string, Map<string, OrderedIndex>>();
  private hashIndexes = new Map<string, Map<string, HashIndex>>();
  private lastMicros = 0;
  private readonly changeListeners = new Set<(change: StoreChange) => void>();
  private seeding = false;
  /** Id of the authenticated user (GET /v2/me). */
  me = 0;
  team: { id: number; name: string } = { id: 111855, name: 'Sandbox Team' };

  constructor(seed: SandboxSeed = {}) {
    this.reset(seed);
  }

  /** Replaces all data with the seed's. */
  reset(seed: SandboxSeed): void {
    this.seeding = true;
    this.data.clear();
    this.nextIds.clear();
    this.deleted.clear();
    this.orderedIndexes.clear();
    this.hashIndexes.clear();
    for (const name of COLLECTIONS) this.coll(name);
    if (seed.team) this.team = { ...seed.team };
    for (const name of COLLECTIONS) {
      for (const record of seed[name] ?? []) this.insert(name, structuredClone(record));
    }
    this.me = seed.me ?? this.list('users')[0]?.id ?? 0;
    this.seeding = false;
  }

  /** Calls `listener` after every insert, update and remove (not while seeding); returns the unsubscribe. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private emit(change: StoreChange): void {
    if (!this.seeding) for (const listener of this.changeListeners) listener(change);
  }

  /** A timestamp for "now", strictly increasing so that updated_at cursors never see ties. */
  now(): string {
    let micros = Date.now() * 1000;
    if (micros <= this.lastMicros) micros = this.lastMicros + 1;
    this.lastMicros = micros;
    return formatMicros(micros);
  }

  private coll(name: string): Map<number, SandboxRecord> {
    let c = this.data.get(name);
    if (!c) {
      c = new Map();
      this.data.set(name, c);
      // Every collection is kept in id order (list(), id[gt] cursors).
      this.orderedIndexes.set(name, new Map([['id', new OrderedIndex('id', [])]]));
      this.hashIndexes.set(name, new Map());
    }
    return c;
  }

  /** The records of a collection, by ascending id (live objects: change them through update()). */
  list(name: CollectionName | string): SandboxRecord[] {
    const c = this.coll(name);
    const byId = this.ordered(name, 'id');
    const out: SandboxRecord[] = [];
    for (const id of byId.ids(0, byId.size)) out.push(c.get(id)!);
    return out;
  }

  /** How many records a collection holds. */
  count(name: CollectionName | string): number {
    return this.coll(name).size;
  }

  get(name: CollectionName | string, id: number | string | undefined | null): SandboxRecord | undefined {
    if (id === undefined || id === null || id === '') return undefined;
    const n = typeof id === 'number' ? id : /^\d+$/.test(String(id)) ? Number(id) : Number.NaN;
    return this.coll(name).get(n);
  }

  /** Finds records by a predicate. */
  find(name: CollectionName | string, predicate: (r: SandboxRecord) => boolean): SandboxRecord[] {
    return this.list(name).filter(predicate);
  }

  /**
   * The records whose `field` holds `value` (one of its values for an array; case-insensitively with 'ci'; the
   * embedded record's id with 'ref'), by ascending id, from a hash index.
   */
  lookup(name: CollectionName | string, field: string, value: unknown, mode: HashMode = 'exact'): SandboxRecord[] {
    const c = this.coll(name);
    const ids = new Set<number>();
    for (const key of hashKeys(mode === 'ref' ? { id: value } : value, mode)) for (const id of this.hash(name, field, mode).lookup(key)) ids.add(id);
    return [...ids].sort((a, b) => a - b).map((id) => c.get(id)!);
  }

  /** The hash index of a property, built on first use and kept up to date by every write. */
  hash(name: CollectionName | string, field: string, mode: HashMode = 'exact'): HashIndex {
    this.coll(name);
    const indexes = this.hashIndexes.get(name)!;
    const key = `${mode}:${field}`;
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = new HashIndex(field, mode, this.data.get(name)!.values())));
    return index;
  }

  /** The records of a collection ordered by a property, built on first use and kept up to date by every write. */
  ordered(name: CollectionName | string, field: string): OrderedIndex {
    this.coll(name);
    const indexes = this.orderedIndexes.get(name)!;
    let index = indexes.get(field);
    if (!index) indexes.set(field, (index = new OrderedIndex(field, this.data.get(name)!.values())));
    return index;
  }

  private indexAdd(name: string, record: SandboxRecord): void {
    for (const index of this.orderedIndexes.get(name)!.values()) index.add(record);
    for (const index of this.hashIndexes.get(name)!.values()) index.add(record);
  }

  private indexDelete(name: string, id: number): void {
    for (const index of this.orderedIndexes.get(name)!.values()) index.delete(id);
    for (const index of this.hashIndexes.get(name)!.values()) index.delete(id);
  }

  /**
   * Adds a record: missing properties come from the resource's template, id is the next free one unless given,
   * created_at/updated_at default to now.
   */
  insert(name: CollectionName | string, data: Record<string, unknown>): SandboxRecord {
    const c = this.coll(name);
    const next = this.nextIds.get(name) ?? 1;
    const id = typeof data.id === 'number' && data.id > 0 ? data.id : next;
    const record: SandboxRecord = { ...templateFor(name), ...data, id };
    if (!NO_TIMESTAMPS.has(name)) {
      if (record.created_at === undefined || record.created_at === null) record.created_at = this.now();
      if (record.updated_at === undefined || record.updated_at === null) record.updated_at = record.created_at;
    }
    if (c.has(id)) this.indexDelete(name, id);
    c.set(id, record);
    this.indexAdd(name, record);
    this.nextIds.set(name, Math.max(next, id + 1));
    this.emit({ collection: name, action: 'created', record });
    return record;
  }

  /** Changes a record in place and bumps updated_at. */
  update(name: CollectionName | string, id: number, patch: Record<string, unknown>): SandboxRecord | undefined {
    return this.change(name, id, patch, true);
  }

  /** Changes a record in place without bumping updated_at (values derived from the record's own). */
  assign(name: CollectionName | string, id: number, patch: Record<string, unknown>): SandboxRecord | undefined {
    return this.change(name, id, patch, false);
  }

  private change(name: string, id: number, patch: Record<string, unknown>, touch: boolean): SandboxRecord | undefined {
    const record = this.coll(name).get(id);
    if (!record) return undefined;
    const previous = touch && this.changeListeners.size > 0 ? { ...record } : undefined;
    this.indexDelete(name, id);
    Object.assign(record, patch, { id });
    if (touch && !NO_TIMESTAMPS.has(name)) record.updated_at = this.now();
    this.indexAdd(name, record);
    // Derived values (assign) are part of a write already announced.
    if (touch) this.emit({ collection: name, action: 'updated', record, previous });
    return record;
  }

  remove(name: CollectionName | string, id: number): boolean {
    const record = this.coll(name).get(id);
    const ok = this.coll(name).delete(id);
    if (ok) {
      this.indexDelete(name, id);
      this.emit({ collection: name, action: 'deleted', record: record! });
      let d = this.deleted.get(name);
      if (!d) this.deleted.set(name, (d = new Set()));
      d.add(id);
    }
    return ok;
  }

  /** Whether the record existed and was deleted (some deletes are idempotent). */
  wasDeleted(name: CollectionName | string, id: number): boolean {
    return this.deleted.get(name)?.has(id) ?? false;
  }
}
