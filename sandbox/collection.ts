// The generic collection mechanism: one list (filters, sorting, paging), get, create, update and delete,
// configured per resource by a Resource description. Resource-specific rules live in resources.ts/handlers.ts.

import { parseTime, type CollectionName, type SandboxRecord, type SandboxStore } from './store.js';
import type { OrderedIndex } from './indexes.js';
import { isBlank, isPlainObject, toBool, toInt, toList, type Params } from './query.js';

export interface Ctx {
  store: SandboxStore;
  /** http://127.0.0.1:PORT, used for the `_href` of embedded resources. */
  baseUrl: string;
  method: string;
  query: Params;
  body: Params;
  /** Query and body merged (query wins), as Rails' `params`: what create/update read. */
  input: Params;
  /** Path placeholders, e.g. { id: '3001' }. */
  params: Record<string, string>;
}

export interface Result {
  status: number;
  body?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

export const ok = (body: unknown): Result => ({ status: 200, body });
export const notFound = (): ApiError => new ApiError(404, { error: 'Not Found' });
export const invalid = (errors: Record<string, string[]>): ApiError => new ApiError(422, { errors });

/** Collects 422 messages, field -> [messages]. */
export class Problems {
  readonly errors: Record<string, string[]> = {};
  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }
  get any(): boolean {
    return Object.keys(this.errors).length > 0;
  }
  throwIfAny(): void {
    if (this.any) throw invalid(this.errors);
  }
}

// ---- embedded resources ---------------------------------------------------------------------------

/** Property name -> API path of the resource it embeds (`{id, _href}`). */
const REF_PATHS: Record<string, string> = {
  owner: 'users',
  user: 'users',
  creator: 'users',
  last_contacted_by: 'users',
  created_by_user: 'users',
  completed_by: 'users',
  account: 'accounts',
  person: 'people',
  called_person: 'people',
  recipient: 'people',
  last_contacted_person: 'people',
  person_stage: 'person_stages',
  import: 'imports',
  cadence: 'cadences',
  cadences: 'cadences',
  most_recent_cadence: 'cadences',
  last_completed_step_cadence: 'cadences',
  step: 'steps',
  last_completed_step: 'steps',
  company_stage: 'account_stages',
  account_tier: 'account_tiers',
  action: 'actions',
  latest_action: 'actions',
  crm_activity: 'crm_activities',
  note: 'notes',
  call: 'activities/calls',
  group: 'groups',
  groups: 'groups',
  accessible_groups: 'groups',
  task: 'tasks',
  email_template: 'email_templates',
  mailing: 'mailings',
  team: 'team',
};

export function link(path: string, value: unknown, baseUrl: string): unknown {
  if (Array.isArray(value)) return value.map((v) => link(path, v, baseUrl));
  if (!isPlainObject(value) || value.id === undefined || value.id === null) return value ?? null;
  const href = path === 'team' ? `${baseUrl}/v2/team` : `${baseUrl}/v2/${path}/${String(value.id)}`;
  return { _href: href, id: value.id };
}

export const refId =
  (field: string): Getter =>
  (r) => {
    const v = r[field];
    return isPlainObject(v) ? (v.id ?? null) : null;
  };

/** The guid of the user embedded in `field`. */
export const refGuid =
  (field: string): Getter =>
  (r, ctx) =>
    ctx.store.get('users', refId(field)(r, ctx) as number)?.guid ?? null;

// ---- resource description ----------------------------------------------------------------------------

export type Getter = (r: SandboxRecord, ctx: Ctx) => unknown;

export interface Filter {
  /** Query parameter name (without [] / [gt]). */
  param: string;
  /**
   * in: value (or list) membership, `_is_null`/`_is_not_null` supported; range: {gt,gte,lt,lte} on times or numbers;
   * bool: true/false; search: case-insensitive substring of `fields`, every space-separated word must match;
   * custom_fields: custom_fields[Name]=value (value case-insensitive).
   */
  kind: 'in' | 'range' | 'bool' | 'search' | 'custom_fields';
  /** Where the value is read; default: the record property named like the param. */
  get?: Getter;
  /** Case-insensitive comparison ('in'). */
  ci?: boolean;
  /** Properties searched ('search'). */
  fields?: string[];
  /**
   * The record property the filter reads as it is (default: `param`). Declaring it lets the store answer the
   * filter from an index instead of reading every record; `get`, when given, must read the same value.
   */
  field?: string;
  /** `field` holds an embedded record `{id}` and the filter compares its id ('in' filters). */
  ref?: boolean;
  /**
   * The ids of the only records that can match this value, found through an index (the people on a cadence, from
   * its memberships), or undefined when it cannot tell. Lets a filter with a getter skip reading every record; the
   * filter's own test still decides.
   */
  candidates?: (raw: unknown, ctx: Ctx, collection: CollectionName) => Iterable<number> | undefined;
}

export interface Sorting {
  /** sort_by value -> record property or getter. */
  keys: Record<string, string | Getter>;
  default: string;
  direction: 'ASC' | 'DESC';
}

/** pages: page/per_page; none: all records, no metadata.paging; on_page: paged only if `page` is given; cursor: per_page + id[gt], `{data}` only. */
export type Paging = 'pages' | 'none' | 'on_page' | 'cursor';

export interface WriteSpec {
  /** Body properties copied as they are. */
  fields: string[];
  /** Input property -> [record property, collection], e.g. account_id -> ['account', 'accounts']. */
  refs?: Record<string, [string, CollectionName]>;
  required?: string[];
  requiredOnUpdate?: string[];
  /** Values unique across the collection ("is already taken"). */
  unique?: Array<{ field: string; ci?: boolean }>;
  enums?: Record<string, string[]>;
  booleans?: string[];
  integers?: string[];
  /** Initial values of a new record (before the input's). */
  defaults?: (ctx: Ctx) => Record<string, unknown>;
  /** Rules beyond required/enums/unique. */
  validate?: (input: Params, problems: Problems, ctx: Ctx, existing?: SandboxRecord) => void;
  /** Extra properties computed from the input (after validation). */
  transform?: (input: Params, ctx: Ctx, existing?: SandboxRecord) => Record<string, unknown>;
  /** Properties recomputed after every write (display_name...). */
  derive?: (r: SandboxRecord, ctx: Ctx) => Record<string, unknown>;
}

export type Action = 'list' | 'get' | 'create' | 'update' | 'delete';

export interface Resource {
  collection: CollectionName;
  /** Path under /v2/, e.g. 'people' or 'activities/calls'. */
  path: string;
  actions: Action[];
  /** Serve `<path>.json` too (the legacy suffix). Default true. */
  jsonAlias?: boolean;
  filters?: Filter[];
  sort?: Sorting;
  paging?: Paging;
  /** Records the list ever shows (e.g. actions: only in_progress). */
  visible?: (r: SandboxRecord, ctx: Ctx) => boolean;
  /** Properties computed when rendering (counts...). */
  present?: (r: SandboxRecord, ctx: Ctx) => Record<string, unknown>;
  /** Internal properties never rendered. */
  hidden?: string[];
  write?: WriteSpec;
  create?: (ctx: Ctx) => SandboxRecord;
  update?: (existing: SandboxRecord, ctx: Ctx) => SandboxRecord;
  /** Effects of a delete; return 'keep' when the record must stay (soft delete). */
  remove?: (r: SandboxRecord, ctx: Ctx) => 'keep' | void;
  /** DELETE of an already deleted record answers 204 again ("can be called multiple times successfully"). */
  idempotentDelete?: boolean;
}

// ---- rendering ----------------------------------------------------------------------------------------

export function render(res: Resource | undefined, r: SandboxRecord, ctx: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id };
  // id, created_at, updated_at first, as SalesLoft orders them.
  if (r.created_at !== undefined) out.created_at = r.created_at;
  if (r.updated_at !== undefined) out.updated_at = r.updated_at;
  const extra = res?.present?.(r, ctx);
  const put = (k: string, v: unknown) => {
    if (k === 'id' || k === 'created_at' || k === 'updated_at' || res?.hidden?.includes(k)) return;
    const path = REF_PATHS[k];
    out[k] = path ? link(path, v, ctx.baseUrl) : typeof v === 'object' && v !== null ? structuredClone(v) : v;
  };
  // The record's properties in their order, computed ones replacing them in place or following them.
  for (const k in r) put(k, extra && Object.hasOwn(extra, k) ? extra[k] : r[k]);
  if (extra) for (const k in extra) if (!Object.hasOwn(r, k)) put(k, extra[k]);
  return out;
}

// ---- filtering and sorting ------------------------------------------------------------------------------

type Predicate = (r: SandboxRecord, ctx: Ctx) => boolean;

const BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;

/** The bounds a range filter value gives ({gt, gte, lt, lte} with string or number values). */
function rangeBounds(raw: unknown): Array<(typeof BOUNDS)[number]> {
  if (!isPlainObject(raw)) return [];
  return BOUNDS.filter((k) => typeof raw[k] === 'string' || typeof raw[k] === 'number');
}

const asArray = (v: unknown): unknown[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined) : [v];

/**
 * The record property an index can answer the filter from: `field` as declared, or the `param` a range filter
 * without getter reads (timestamps, which the store itself sets). An 'in' filter must declare its `field`.
 */
const indexedField = (f: Filter): string | undefined => f.field ?? (f.kind === 'range' && !f.get ? f.param : undefined);

function compileFilter(f: Filter, raw: unknown): Predicate | undefined {
  const field = f.field ?? f.param;
  const get: Getter = f.get ?? ((r) => r[field]);
  switch (f.kind) {
    case 'in': {
      const list = toList(raw);
      if (list.length === 0) return undefined;
      const norm = (v: unknown) => (f.ci ? String(v).toLowerCase() : String(v));
      const wanted = new Set(list.map(norm));
      return (r, ctx) => {
        const vals = asArray(get(r, ctx));
        if (vals.length === 0) return wanted.has('_is_null');
        return wanted.has('_is_not_null') || vals.some((v) => wanted.has(norm(v)));
      };
    }
    case 'range': {
      if (raw === '_is_null' || raw === '_is_not_null') {
        return (r, ctx) => (get(r, ctx) === null || get(r, ctx) === undefined) === (raw === '_is_null');
      }
      const bounds = rangeBounds(raw);
      if (bounds.length === 0) return undefined;
      return (r, ctx) => {
        const v = get(r, ctx);
        if (v === null || v === undefined) return false;
        return bounds.every((k) => {
          const bound = (raw as Params)[k];
          const numeric = typeof v === 'number';
          const a = numeric ? v : parseTime(v);
          const b = numeric ? Number(bound) : parseTime(bound);
          if (Number.isNaN(a) || Number.isNaN(b)) return true; // an unreadable bound is ignored
          return k === 'gt' ? a > b : k === 'gte' ? a >= b : k === 'lt' ? a < b : a <= b;
        });
      };
    }
    case 'bool': {
      const b = toBool(raw);
      if (b === undefined) return undefined;
      return (r, ctx) => Boolean(get(r, ctx)) === b;
    }
    case 'search': {
      const words = (Array.isArray(raw) ? raw.join(' ') : String(raw)).toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return undefined;
      const fields = f.fields ?? ['name'];
      return (r) => {
        const hay = fields.map((k) => String(r[k] ?? '').toLowerCase());
        return words.every((w) => hay.some((h) => h.includes(w)));
      };
    }
    case 'custom_fields': {
      if (!isPlainObject(raw)) return undefined;
      const entries = Object.entries(raw);
      if (entries.length === 0) return undefined;
      return (r, ctx) => {
        const cf = (get(r, ctx) ?? r.custom_fields ?? {}) as Record<string, unknown>;
        return entries.every(([name, want]) => {
          const have = cf[name];
          const wants = toList(Array.isArray(want) ? want : [want]).map((w) => w.toLowerCase());
          return have !== undefined && have !== null && wants.includes(String(have).toLowerCase());
        });
      };
    }
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}/;

/** A sort key read once per record: the value, its time when it is an ISO timestamp, its lowercase text. */
interface SortKey {
  value: unknown;
  time: number;
  text: string;
}

function sortKey(value: unknown): SortKey {
  const text = String(value);
  return { value, time: typeof value !== 'number' && ISO.test(text) ? parseTime(text) : Number.NaN, text: text.toLowerCase() };
}

/** Numbers by value, booleans false first, timestamps by time, anything else by its lowercase text. */
function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
  if (typeof a.value === 'boolean' || typeof b.value === 'boolean') return Number(a.value) - Number(b.value);
  if (!Number.isNaN(a.time) && !Number.isNaN(b.time)) return a.time - b.time;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/** ASC sorts nulls first, DESC nulls last; ties are broken by id in the same direction. */
export function sortRows(rows: SandboxRecord[], get: Getter, dir: 'ASC' | 'DESC', ctx: Ctx): SandboxRecord[] {
  const sign = dir === 'ASC' ? 1 : -1;
  const keyed = rows.map((r) => {
    const value = get(r, ctx);
    return { r, k: value === null || value === undefined ? undefined : sortKey(value) };
  });
  keyed.sort((x, y) => {
    let c: number;
    if (!x.k && !y.k) c = 0;
    else if (!x.k) c = -1;
    else if (!y.k) c = 1;
    else c = compareKeys(x.k, y.k);
    return sign * (c !== 0 ? c : x.r.id - y.r.id);
  });
  return keyed.map((x) => x.r);
}

const DEFAULT_SORT: Sorting = { keys: { created_at: 'created_at', updated_at: 'updated_at' }, default: 'updated_at', direction: 'DESC' };

export function clampPerPage(v: unknown): number {
  const n = toInt(v);
  if (n === undefined) return 25;
  return Math.min(100, Math.max(1, n));
}

// ---- the five actions ---------------------------------------------------------------------------------

interface ActiveFilter {
  filter: Filter;
  raw: unknown;
  test: Predicate;
}

interface Selection {
  rows: SandboxRecord[];
  /** How many records match, when it was counted. */
  total?: number;
  /** Whether records match past the window. */
  more: boolean;
}

// A hash-indexed filter drives the selection when it names at most this many records; past it, walking the
// sort order and testing each record finds a page sooner.
const SMALL_CANDIDATE_SET = 1000;

/** Ranks [lo, hi) of the records, in ascending order of an index's key, that a range filter on that key keeps. */
function rangeRanks(index: OrderedIndex, mode: NonNullable<ReturnType<OrderedIndex['mode']>>, raw: Params): { lo: number; hi: number } {
  let lo = index.rank(-Infinity, true); // a range never matches null
  let hi = index.size;
  // Text is no time: the filter ignores every bound on it, so the range is every non-null record.
  for (const bound of mode === 'text' ? [] : rangeBounds(raw)) {
    const value = raw[bound];
    const k = mode === 'number' ? Number(value) : parseTime(value);
    if (Number.isNaN(k)) continue; // an unreadable bound is ignored, as by the filter itself
    if (bound === 'gt') lo = Math.max(lo, index.rank(k, true));
    if (bound === 'gte') lo = Math.max(lo, index.rank(k, false));
    if (bound === 'lt') hi = Math.min(hi, index.rank(k, false));
    if (bound === 'lte') hi = Math.min(hi, index.rank(k, true));
  }
  return { lo, hi: Math.max(lo, hi) };
}

/**
 * The records a list shows, in order, restricted to `window` when given. Costs time in proportion to the page:
 * an equality filter with a hash index (ids, email_addresses, ...) names its few candidates; otherwise the records
 * are walked in the order of the sort key's index, inside the range of a range filter on that key
 * (`updated_at[gt]`, `id[gt]`), testing the other filters until the window is filled. Falls back to filtering and
 * sorting everything when no index fits (computed sort keys, mixed value types).
 */
function selectRows(
  res: Resource,
  ctx: Ctx,
  active: ActiveFilter[],
  order: { key: string | Getter; dir: 'ASC' | 'DESC' },
  window: { start: number; count: number } | undefined,
  countAll: boolean,
): Selection {
  const { store } = ctx;
  const name = res.collection;
  const matches = (r: SandboxRecord, skip?: ActiveFilter) =>
    (!res.visible || res.visible(r, ctx)) && active.every((a) => a === skip || a.test(r, ctx));
  const finish = (sorted: SandboxRecord[]): Selection =>
    window
      ? { rows: sorted.slice(window.start, window.start + window.count), total: sorted.length, more: sorted.length > window.start + window.count }
      : { rows: sorted, total: sorted.length, more: false };
  const sortAll = (rows: SandboxRecord[]) => sortRows(rows, typeof order.key === 'string' ? (r) => r[order.key as string] : order.key, order.dir, ctx);

  let candidates: Set<number> | undefined;
  for (const a of active) {
    const named = a.filter.candidates?.(a.raw, ctx, name);
    if (named) {
      const ids = new Set(named);
      if (!candidates || ids.size < candidates.size) candidates = ids;
      continue;
    }
    const field = indexedField(a.filter);
    if (a.filter.kind !== 'in' || field === undefined) continue;
    const wanted = toList(a.raw);
    if (wanted.includes('_is_null') || wanted.includes('_is_not_null')) continue;
    const index = store.hash(name, field, a.filter.ref ? 'ref' : a.filter.ci ? 'ci' : 'exact');
    const ids = new Set<number>();
    for (const w of wanted) for (const id of index.lookup(w)) ids.add(id);
    if (!candidates || ids.size < candidates.size) candidates = ids;
  }

  // A range on another indexed key than the sort's (created_at[gte] while sorted by updated_at) that holds few
  // records names them as candidates: walking the sort order would test every record to find them.
  for (const a of active) {
    const field = indexedField(a.filter);
    if (a.filter.kind !== 'range' || field === undefined || field === order.key || !isPlainObject(a.raw)) continue;
    const index = store.ordered(name, field);
    const indexMode = index.mode();
    if (!indexMode || indexMode === 'text') continue;
    const { lo, hi } = rangeRanks(index, indexMode, a.raw as Params);
    if (hi - lo > SMALL_CANDIDATE_SET || (candidates && hi - lo >= candidates.size)) continue;
    candidates = new Set(index.ids(lo, hi));
  }

  const ordered = typeof order.key === 'string' ? store.ordered(name, order.key) : undefined;
  const mode = ordered?.mode();
  if (candidates && (candidates.size <= SMALL_CANDIDATE_SET || !ordered || !mode)) {
    return finish(sortAll([...candidates].map((id) => store.get(name, id)!).filter((r) => matches(r))));
  }
  if (!ordered || !mode) return finish(sortAll(store.list(name).filter((r) => matches(r))));

  // Ranks [lo, hi) of the records in ascending order of the sort key; a range filter on that key narrows them.
  const range = active.find((a) => a.filter.kind === 'range' && indexedField(a.filter) === order.key && isPlainObject(a.raw));
  const { lo, hi } = range ? rangeRanks(ordered, mode, range.raw as Params) : { lo: 0, hi: ordered.size };
  const asc = order.dir === 'ASC';
  const others = active.filter((a) => a !== range);
  if (window && !res.visible && others.length === 0) {
    // Every record of the range matches: the page is a slice of ranks.
    const total = hi - lo;
    const from = asc ? lo + window.start : hi - window.start;
    const to = asc ? Math.min(hi, from + window.count) : Math.max(lo, from - window.count);
    const rows = from < lo || from > hi ? [] : [...ordered.ids(from, to)].map((id) => store.get(name, id)!);
    return { rows, total, more: total > window.start + window.count };
  }
  // With many candidates, the page comes from walking the order and the count from testing the candidates alone.
  let total: number | undefined;
  if (countAll && window && candidates) {
    total = 0;
    for (const id of candidates) if (matches(store.get(name, id)!)) total++;
  }
  const rows: SandboxRecord[] = [];
  let matched = 0;
  let more = false;
  for (const id of ordered.ids(asc ? lo : hi, asc ? hi : lo)) {
    const r = store.get(name, id)!;
    if (!matches(r, range)) continue;
    matched++;
    if (!window) rows.push(r);
    else if (matched > window.start + window.count) {
      more = true;
      if (!countAll || total !== undefined) break;
    } else if (matched > window.start) rows.push(r);
  }
  return { rows, total: total ?? (more && !countAll ? undefined : matched), more };
}

export function listRecords(res: Resource, ctx: Ctx): Result {
  const { query } = ctx;
  const active: ActiveFilter[] = [];
  const filtering: Params = {};
  for (const filter of res.filters ?? []) {
    const raw = query[filter.param];
    if (raw === undefined) continue;
    const test = compileFilter(filter, raw);
    if (!test) continue;
    filtering[filter.param] = raw;
    active.push({ filter, raw, test });
  }

  const mode = res.paging ?? 'pages';
  const data = (rs: SandboxRecord[]) => rs.map((r) => render(res, r, ctx));
  if (mode === 'cursor') {
    const perPage = clampPerPage(query.per_page);
    return ok({ data: data(selectRows(res, ctx, active, { key: 'id', dir: 'ASC' }, { start: 0, count: perPage }, false).rows) });
  }

  const sort = res.sort ?? DEFAULT_SORT;
  const sortBy = isBlank(query.sort_by) ? sort.default : String(query.sort_by);
  const key = Object.hasOwn(sort.keys, sortBy) ? sort.keys[sortBy] : undefined;
  if (key === undefined) throw invalid({ sort_by: ['is not included in the list'] });
  let dir = sort.direction;
  if (!isBlank(query.sort_direction)) {
    const d = String(query.sort_direction).toUpperCase();
    if (d !== 'ASC' && d !== 'DESC') throw invalid({ sort_direction: ['is not included in the list'] });
    dir = d;
  }
  const sorting = { sort_by: sortBy, sort_direction: `${dir} NULLS ${dir === 'ASC' ? 'FIRST' : 'LAST'}` };

  if (mode === 'none' || (mode === 'on_page' && query.page === undefined)) {
    return ok({ metadata: { filtering, sorting }, data: data(selectRows(res, ctx, active, { key, dir }, undefined, true).rows) });
  }
  const perPage = clampPerPage(query.per_page);
  const page = Math.max(1, toInt(query.page) ?? 1);
  const counts = toBool(query.include_paging_counts) === true;
  const { rows, total, more } = selectRows(res, ctx, active, { key, dir }, { start: (page - 1) * perPage, count: perPage }, counts);
  const paging: Record<string, number | null> = {
    per_page: perPage,
    current_page: page,
    next_page: more ? page + 1 : null,
    prev_page: page > 1 ? page - 1 : null,
  };
  if (counts) {
    const count = toBool(query.limit_paging_counts) ? Math.min(total!, 10_000) : total!;
    paging.total_pages = Math.ceil(count / perPage);
    paging.total_count = count;
  }
  return ok({ metadata: { filtering, paging, sorting }, data: data(rows) });
}

export function findOr404(res: Resource, ctx: Ctx, id = ctx.params.id): SandboxRecord {
  const r = ctx.store.get(res.collection, id);
  if (!r) throw notFound();
  return r;
}

/** Custom fields given as an object, or as [{key|name, value}] (seed 002's form). */
export function toCustomFields(v: unknown): Record<string, unknown> {
  if (isPlainObject(v)) return { ...v };
  const out: Record<string, unknown> = {};
  if (Array.isArray(v)) {
    for (const item of v) {
      if (!isPlainObject(item)) continue;
      const k = item.key ?? item.name;
      if (typeof k === 'string' && k !== '') out[k] = item.value ?? null;
    }
  }
  return out;
}

/** Strings given as an array or a comma-separated string. */
export const toStrings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).filter((s) => s !== '') : toList(v));

/** Generic create (no existing) or update, from ctx.input or the given input. */
export function writeRecord(res: Resource, ctx: Ctx, input: Params, existing?: SandboxRecord): SandboxRecord {
  const w = res.write;
  if (!w) throw notFound();
  const { store } = ctx;
  const problems = new Problems();
  for (const f of (existing ? w.requiredOnUpdate : w.required) ?? []) {
    if (isBlank(input[f])) problems.add(f, "can't be blank");
  }
  for (const [f, allowed] of Object.entries(w.enums ?? {})) {
    if (!isBlank(input[f]) && !allowed.includes(String(input[f]))) problems.add(f, 'is not included in the list');
  }
  const patch: Record<string, unknown> = {};
  for (const f of w.fields) {
    if (!Object.hasOwn(input, f)) continue;
    let v = input[f];
    if (f === 'custom_fields') {
      const merged: Record<string, unknown> = { ...((existing?.custom_fields as Record<string, unknown>) ?? {}), ...toCustomFields(v) };
      for (const [k, x] of Object.entries(merged)) if (x === null || x === '') delete merged[k];
      v = merged;
    } else if (f === 'tags' || f === 'contact_restrictions') v = toStrings(v);
    else if (w.booleans?.includes(f)) v = toBool(v) ?? false;
    else if (w.integers?.includes(f) && !isBlank(v)) {
      const n = toInt(v);
      if (n === undefined) problems.add(f, 'is not a number');
      v = n ?? null;
    } else if (v === '') v = null;
    patch[f] = v;
  }
  for (const [param, [field, coll]] of Object.entries(w.refs ?? {})) {
    if (!Object.hasOwn(input, param)) continue;
    const v = input[param];
    if (isBlank(v)) {
      patch[field] = null;
      continue;
    }
    const id = toInt(v);
    if (id === undefined || !store.get(coll, id)) problems.add(param, 'does not exist');
    else patch[field] = { id };
  }
  for (const u of w.unique ?? []) {
    const v = patch[u.field];
    if (isBlank(v)) continue;
    const same = (x: unknown) => (u.ci ? String(x).toLowerCase() === String(v).toLowerCase() : x === v);
    const holders = typeof v === 'string' || typeof v === 'number' ? store.lookup(res.collection, u.field, v, u.ci ? 'ci' : 'exact') : store.list(res.collection);
    if (holders.some((r) => r.id !== existing?.id && !isBlank(r[u.field]) && same(r[u.field]))) {
      problems.add(u.field, 'is already taken');
    }
  }
  w.validate?.(input, problems, ctx, existing);
  problems.throwIfAny();
  Object.assign(patch, w.transform?.(input, ctx, existing));
  const rec = existing ? store.update(res.collection, existing.id, patch)! : store.insert(res.collection, { ...w.defaults?.(ctx), ...patch });
  return w.derive ? store.assign(res.collection, rec.id, w.derive(rec, ctx))! : rec;
}

export function getAction(res: Resource, ctx: Ctx): Result {
  return ok({ data: render(res, findOr404(res, ctx), ctx) });
}

export function createAction(res: Resource, ctx: Ctx): Result {
  const rec = res.create ? res.create(ctx) : writeRecord(res, ctx, ctx.input);
  return ok({ data: render(res, rec, ctx) });
}

export function updateAction(res: Resource, ctx: Ctx): Result {
  const existing = findOr404(res, ctx);
  const rec = res.update ? res.update(existing, ctx) : writeRecord(res, ctx, ctx.input, existing);
  return ok({ data: render(res, rec, ctx) });
}

export function deleteAction(res: Resource, ctx: Ctx): Result {
  const r = ctx.store.get(res.collection, ctx.params.id);
  if (!r) {
    const id = toInt(ctx.params.id);
    if (res.idempotentDelete && id !== undefined && ctx.store.wasDeleted(res.collection, id)) return { status: 204 };
    throw notFound();
  }
  if (res.remove?.(r, ctx) !== 'keep') ctx.store.remove(res.collection, r.id);
  return { status: 204 };
}
