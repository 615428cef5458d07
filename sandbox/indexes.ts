// Indexes the store keeps over a collection so that a list costs time in proportion to its page, not to the
// collection: an ordered index per sort/range property (records ordered by a numeric key, ties by id) and a
// hash index per equality filter. Both are built on first use and maintained by every insert/update/remove.

import { isPlainObject } from './query.js';
import { parseTime, type SandboxRecord } from './store.js';

export interface Entry {
  /** The sort key: a number, microseconds for a timestamp, lowercase text, -Infinity for null (nulls sort first). */
  k: number | string;
  id: number;
}

/** A total order: numbers (nulls as -Infinity first) before text, then by key, then by id. */
function compare(a: Entry, b: Entry): number {
  if (a.k !== b.k) {
    if (typeof a.k !== typeof b.k) return typeof a.k === 'number' ? -1 : 1;
    return a.k < b.k ? -1 : 1;
  }
  return a.id - b.id;
}

// Chunks keep inserts and removals in the middle cheap (a splice of at most 2 * CHUNK entries).
const CHUNK = 512;

/** Entries ordered by (k, id) in chunks; positions are global ranks. */
export class OrderedEntries {
  private chunks: Entry[][] = [];
  size = 0;

  static from(entries: Entry[]): OrderedEntries {
    const out = new OrderedEntries();
    entries.sort(compare);
    for (let i = 0; i < entries.length; i += CHUNK) out.chunks.push(entries.slice(i, i + CHUNK));
    out.size = entries.length;
    return out;
  }

  /** Index of the first chunk whose last entry is >= e (the last chunk when e is past every entry). */
  private chunkFor(e: Entry): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid]!;
      if (compare(chunk[chunk.length - 1]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static lowerIn(chunk: Entry[], e: Entry): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(chunk[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(e: Entry): void {
    if (this.chunks.length === 0) {
      this.chunks.push([e]);
      this.size = 1;
      return;
    }
    const c = this.chunkFor(e);
    const chunk = this.chunks[c]!;
    chunk.splice(OrderedEntries.lowerIn(chunk, e), 0, e);
    this.size++;
    if (chunk.length > 2 * CHUNK) this.chunks.splice(c, 1, chunk.slice(0, CHUNK), chunk.slice(CHUNK));
  }

  remove(e: Entry): boolean {
    if (this.chunks.length === 0) return false;
    const c = this.chunkFor(e);
    const chunk = this.chunks[c]!;
    const i = OrderedEntries.lowerIn(chunk, e);
    if (i >= chunk.length || compare(chunk[i]!, e) !== 0) return false;
    chunk.splice(i, 1);
    this.size--;
    if (chunk.length === 0) this.chunks.splice(c, 1);
    return true;
  }

  /** Rank of the first entry >= e. */
  lowerBound(e: Entry): number {
    if (this.chunks.length === 0) return 0;
    const c = this.chunkFor(e);
    let rank = 0;
    for (let i = 0; i < c; i++) rank += this.chunks[i]!.length;
    return rank + OrderedEntries.lowerIn(this.chunks[c]!, e);
  }

  /** Ids from rank `from` (inclusive) towards `to` (exclusive); descending when from > to. */
  *ids(from: number, to: number): Generator<number> {
    if (from === to) return;
    const step = from < to ? 1 : -1;
    // Locate the chunk holding rank `start`.
    const start = step === 1 ? from : from - 1;
    let c = 0;
    let offset = start;
    while (c < this.chunks.length && offset >= this.chunks[c]!.length) offset -= this.chunks[c++]!.length;
    let remaining = Math.abs(to - from);
    while (remaining > 0 && c >= 0 && c < this.chunks.length) {
      const chunk = this.chunks[c]!;
      for (let i = offset; remaining > 0 && i >= 0 && i < chunk.length; i += step, remaining--) yield chunk[i]!.id;
      c += step;
      offset = step === 1 ? 0 : (this.chunks[c]?.length ?? 0) - 1;
    }
  }
}

type Kind = 'null' | 'number' | 'time' | 'text' | 'other';

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}/;

/**
 * The sort key of a value, as the generic sort compares it: numbers as they are, timestamps in microseconds, other
 * text in lowercase, null first; 'other' (booleans, objects, invalid dates) when no single key fits.
 */
function keyOf(value: unknown): { k: number | string; kind: Kind } {
  if (value === null || value === undefined) return { k: -Infinity, kind: 'null' };
  if (typeof value === 'number') return Number.isFinite(value) ? { k: value, kind: 'number' } : { k: NaN, kind: 'other' };
  if (typeof value === 'string') {
    const t = parseTime(value);
    if (!Number.isNaN(t)) return { k: t, kind: 'time' };
    return ISO_LIKE.test(value) ? { k: NaN, kind: 'other' } : { k: value.toLowerCase(), kind: 'text' };
  }
  return { k: NaN, kind: 'other' };
}

/**
 * Records ordered by one property. Usable only while the non-null values are all numbers, all timestamps or all
 * other text: a mix is not one order under the generic comparison, and callers then fall back to sorting.
 */
export class OrderedIndex {
  private entries: OrderedEntries;
  private keys = new Map<number, { entry: Entry; kind: Kind }>();
  private counts: Record<Kind, number> = { null: 0, number: 0, time: 0, text: 0, other: 0 };

  constructor(
    readonly field: string,
    records: Iterable<SandboxRecord>,
  ) {
    const all: Entry[] = [];
    for (const r of records) {
      const e = this.track(r);
      if (e) all.push(e);
    }
    this.entries = OrderedEntries.from(all);
  }

  /** Records the record's key; returns the entry to order, if its value has one. */
  private track(r: SandboxRecord): Entry | undefined {
    const { k, kind } = keyOf(r[this.field]);
    const entry = { k, id: r.id };
    this.counts[kind]++;
    this.keys.set(r.id, { entry, kind });
    return kind === 'other' ? undefined : entry;
  }

  add(r: SandboxRecord): void {
    const e = this.track(r);
    if (e) this.entries.insert(e);
  }

  delete(id: number): void {
    const known = this.keys.get(id);
    if (!known) return;
    this.keys.delete(id);
    this.counts[known.kind]--;
    if (known.kind !== 'other') this.entries.remove(known.entry);
  }

  /** The kind of the values when the index orders the records exactly as the generic comparison does. */
  mode(): 'number' | 'time' | 'text' | undefined {
    const { number, time, text, other } = this.counts;
    if (other > 0 || [number, time, text].filter((n) => n > 0).length > 1) return undefined;
    return number > 0 ? 'number' : text > 0 ? 'text' : 'time';
  }

  get size(): number {
    return this.entries.size;
  }

  /** Rank of the first record whose key is >= k (exclusive = false) or > k (exclusive = true). */
  rank(k: number, exclusive: boolean): number {
    return this.entries.lowerBound({ k, id: exclusive ? Infinity : -Infinity });
  }

  ids(from: number, to: number): Generator<number> {
    return this.entries.ids(from, to);
  }
}

/** How a hash index reads a record: the property's values (case-insensitively with ci), or an embedded `{id}`. */
export type HashMode = 'exact' | 'ci' | 'ref';

/** The keys a record has in a hash index, matching how the list filters compare values. */
export function hashKeys(value: unknown, mode: HashMode): string[] {
  if (mode === 'ref') return isPlainObject(value) && value.id !== undefined && value.id !== null ? [String(value.id)] : [];
  const values = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    out.push(mode === 'ci' ? String(v).toLowerCase() : String(v));
  }
  return out;
}

/** Ids of the records by value of one property. */
export class HashIndex {
  private byKey = new Map<string, Set<number>>();
  private keysOf = new Map<number, string[]>();

  constructor(
    readonly field: string,
    readonly mode: HashMode,
    records: Iterable<SandboxRecord>,
  ) {
    for (const r of records) this.add(r);
  }

  add(r: SandboxRecord): void {
    const keys = hashKeys(r[this.field], this.mode);
    if (keys.length === 0) return;
    this.keysOf.set(r.id, keys);
    for (const key of keys) {
      let ids = this.byKey.get(key);
      if (!ids) this.byKey.set(key, (ids = new Set()));
      ids.add(r.id);
    }
  }

  delete(id: number): void {
    const keys = this.keysOf.get(id);
    if (!keys) return;
    this.keysOf.delete(id);
    for (const key of keys) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }

  /** Ids whose value (normalised like the index) is `key`. */
  lookup(key: string): ReadonlySet<number> {
    return this.byKey.get(this.mode === 'ci' ? key.toLowerCase() : key) ?? new Set();
  }
}
