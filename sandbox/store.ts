// In-memory data of the sandbox: one collection of records per SalesLoft resource.
// Records are stored as SalesLoft returns them, except that embedded resources are kept as `{id}`:
// the `_href` links are added when a record is rendered (they depend on the sandbox URL).

import { NEWEST_COLLECTIONS } from './collections-newest.js';
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
const NO_TIMESTAMPS = new Set<string>(['groups', 'tags', 'bulk_job_results']);

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
  private lastMicros = 0;
  /** Id of the authenticated user (GET /v2/me). */
  me = 0;
  team: { id: number; name: string } = { id: 111855, name: 'Sandbox Team' };

  constructor(seed: SandboxSeed = {}) {
    this.reset(seed);
  }

  /** Replaces all data with the seed's. */
  reset(seed: SandboxSeed): void {
    this.data.clear();
    this.nextIds.clear();
    this.deleted.clear();
    for (const name of COLLECTIONS) this.data.set(name, new Map());
    if (seed.team) this.team = { ...seed.team };
    for (const name of COLLECTIONS) {
      for (const record of seed[name] ?? []) this.insert(name, structuredClone(record));
    }
    this.me = seed.me ?? this.list('users')[0]?.id ?? 0;
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
    }
    return c;
  }

  /** The records of a collection, by ascending id (live objects: change them through update()). */
  list(name: CollectionName | string): SandboxRecord[] {
    return [...this.coll(name).values()].sort((a, b) => a.id - b.id);
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
   * Adds a record: missing properties come from the resource's template, id is the next free one unless given,
   * created_at/updated_at default to now.
   */
  insert(name: CollectionName | string, data: Record<string, unknown>): SandboxRecord {
    const c = this.coll(name);
    const next = this.nextIds.get(name) ?? 1;
    const id = typeof data.id === 'number' && data.id > 0 ? data.id : next;
    const record: SandboxRecord = { ...templateFor(name), ...data, id };
    if (!NO_TIMESTAMPS.has(name)) {
      const now = this.now();
      if (record.created_at === undefined || record.created_at === null) record.created_at = now;
      if (record.updated_at === undefined || record.updated_at === null) record.updated_at = record.created_at;
    }
    c.set(id, record);
    this.nextIds.set(name, Math.max(next, id + 1));
    return record;
  }

  /** Changes a record in place and bumps updated_at. */
  update(name: CollectionName | string, id: number, patch: Record<string, unknown>): SandboxRecord | undefined {
    const record = this.coll(name).get(id);
    if (!record) return undefined;
    Object.assign(record, patch, { id });
    if (!NO_TIMESTAMPS.has(name)) record.updated_at = this.now();
    return record;
  }

  remove(name: CollectionName | string, id: number): boolean {
    const ok = this.coll(name).delete(id);
    if (ok) {
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
