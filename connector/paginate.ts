// Records of any list operation, one at a time, in constant memory (records are never kept; the walk
// remembers only ids). Every page is one `run` of the list operation, so validation, pacing, retries,
// time bounds and the rate budget apply to each.
//
// How a list is walked is derived from its input schema:
//   keyset  - it filters a range on updated_at and sorts by it: sort_by=updated_at ASC,
//             updated_at[gte]=<last seen>, dropping the ids already seen at exactly that timestamp. A run of
//             equal timestamps longer than a page is read as its own slice (updated_at[gte]=T&[lte]=T) by
//             page number, re-reading a page when the slice's count shows it shrank.
//   id      - it takes an id[gt] cursor (bulk job results).
//   pages   - it has page numbers only; never past page 100 unless allowDeepPages, which warns of the cost.
//   single  - one request (groups, caller ids).

import { ConfigurationError, ConnectorError } from './errors.js';
import { observingAnswers, rateLimitOf, type ObservedAnswer } from './observe.js';
import type { ApiRecord, OperationInput } from './operation.js';
import type { RegisteredOperation, Registry } from './registry.js';
import { inlineRefs, type JsonSchema } from './schema-documents.js';

/** What paginate needs of a connector: running one operation. */
export interface OperationRunner {
  run(name: string, input: OperationInput): Promise<unknown>;
}

/** Finds a registered operation by name (the runner loads one at a time; tests pass the registry's). */
export type FindOperation = (name: string) => Promise<RegisteredOperation | undefined>;

export type WalkStrategy = 'keyset' | 'id' | 'pages' | 'single';

export interface PaginateOptions {
  /** Stop after this many records. Required by toArray(). */
  limit?: number;
  /** Records per request, 1-100. Default 100 (or the input's per_page). */
  perPage?: number;
  /** Allow page numbers past 100, which SalesLoft charges 3 to 30 rate-limit points each. */
  allowDeepPages?: boolean;
  /** Receives warnings (deep pages and their cost). Default: process.emitWarning. */
  warn?: (message: string) => void;
  /** Called after every page with the walk's figures so far. */
  onPage?: (stats: WalkStats) => void;
}

export interface WalkStats {
  /** Records yielded. */
  records: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Rate-limit points spent (x-ratelimit-endpoint-cost; 1 a request where SalesLoft does not say). */
  rateLimitCost: number;
  /** x-ratelimit-remaining-minute of the latest answer. */
  rateLimitRemaining?: number;
  strategy: WalkStrategy;
}

/** Where a keyset walk stands: everything before `updated_at`, and the `ids` at exactly it, was read. */
export interface KeysetPosition {
  updated_at: string;
  ids: Array<string | number>;
}

/** Internal knobs for the poll layer. */
export interface WalkControl {
  /** Start after this position instead of the input's own updated_at bounds. */
  from?: KeysetPosition;
  /** Skip a record already yielded when it shows up again, changed, later in the walk. Default true. */
  yieldOnce?: boolean;
}

/** A walk stopped at page 100 because pages past it cost more and the caller did not allow them. */
export class DeepPagesError extends ConnectorError {
  readonly kind = 'configuration' as const;
  constructor(
    operation: string,
    readonly recordsYielded: number,
  ) {
    super(
      `${operation}: stopped before page 101 after ${recordsYielded} records. SalesLoft charges 3 rate-limit points for each page from 101 to 150, 8 to 250, 10 to 500 and 30 after (600 points a minute for the whole team). Narrow the input's filters, or pass {allowDeepPages: true} to read on at that cost.`,
    );
    this.name = 'DeepPagesError';
    this.operation = operation;
  }
}

const maxCheapPage = 100;
const maxPerPage = 100;

/** The rate-limit points SalesLoft charges for one request of page `page`. */
export const pageCost = (page: number): number => (page <= 100 ? 1 : page <= 150 ? 3 : page <= 250 ? 8 : page <= 500 ? 10 : 30);

const propertiesOf = (schema: JsonSchema): Record<string, JsonSchema> => (schema.properties as Record<string, JsonSchema> | undefined) ?? {};

const inlined = new WeakMap<JsonSchema, JsonSchema>();
/** A schema's properties with their $refs resolved (ranges and paging are shared definitions). */
const resolvedProperties = (schema: JsonSchema): Record<string, JsonSchema> => {
  let resolved = inlined.get(schema);
  if (!resolved) inlined.set(schema, (resolved = inlineRefs(schema) as JsonSchema));
  return propertiesOf(resolved);
};

/** A main GET operation whose output is a list of records under `data`. */
export const isListOperation = (entry: RegisteredOperation): boolean => {
  const { operation, outputSchema } = entry;
  if (operation.kind !== 'main' || operation.method !== 'GET' || operation.raw) return false;
  const data = resolvedProperties(outputSchema).data;
  return data?.type === 'array';
};

export const listOperations = (registry: Registry): RegisteredOperation[] => registry.all().filter(isListOperation);

/** Whether the list filters and sorts on updated_at, so that a keyset cursor can walk it. */
export const canWalkByUpdatedAt = (entry: RegisteredOperation): boolean => {
  const properties = resolvedProperties(entry.inputSchema);
  const sortBy = properties.sort_by;
  const range = propertiesOf(properties.updated_at ?? {});
  return Boolean(range.gte && range.lte && Array.isArray(sortBy?.enum) && sortBy.enum.includes('updated_at') && properties.sort_direction);
};

export const strategyOf = (entry: RegisteredOperation): WalkStrategy => {
  const properties = resolvedProperties(entry.inputSchema);
  if (canWalkByUpdatedAt(entry)) return 'keyset';
  if (propertiesOf(properties.id ?? {}).gt) return 'id';
  if (properties.page) return 'pages';
  return 'single';
};

/** The strategy for this input: a caller's own sort order or starting page turns a keyset walk into pages. */
const strategyFor = (entry: RegisteredOperation, input: OperationInput): WalkStrategy => {
  const strategy = strategyOf(entry);
  if (strategy !== 'keyset') return strategy;
  const ownOrder = (input.sort_by !== undefined && input.sort_by !== 'updated_at') || (input.sort_direction !== undefined && input.sort_direction !== 'ASC');
  return ownOrder || input.page !== undefined ? 'pages' : 'keyset';
};

const isoTime = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i;

/** A SalesLoft timestamp in microseconds since the epoch (they carry microseconds and any offset). */
export const toMicros = (timestamp: unknown): bigint | undefined => {
  const match = typeof timestamp === 'string' ? isoTime.exec(timestamp.trim()) : null;
  if (!match) return undefined;
  const millis = Date.parse(`${match[1]}${match[3] ?? 'Z'}`);
  if (Number.isNaN(millis)) return undefined;
  return BigInt(millis) * 1000n + BigInt((match[2] ?? '').padEnd(6, '0').slice(0, 6));
};

/** -1, 0 or 1 as `a` is before, at or after `b`; undefined when either is not a timestamp. */
export const compareTimes = (a: unknown, b: unknown): number | undefined => {
  const x = toMicros(a);
  const y = toMicros(b);
  if (x === undefined || y === undefined) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
};

interface ListPage {
  data?: ApiRecord[];
  metadata?: { paging?: { next_page?: unknown; total_count?: unknown } | null };
}

/**
 * The records of one list operation as an async iterable. Iterating again walks again. `position`
 * tells where a keyset walk stands after the last record it yielded; `stats` counts requests and cost.
 */
export class Paginator<T = ApiRecord> implements AsyncIterable<T> {
  stats: WalkStats = { records: 0, requests: 0, rateLimitCost: 0, strategy: 'single' };
  /** Where a keyset walk stands after the last record it yielded; undefined before the first. */
  get position(): KeysetPosition | undefined {
    // Built when read (poll reads it once, after the walk), not copied for every record.
    return this.positionIds && { updated_at: this.positionAt as string, ids: [...this.positionIds.values()] };
  }
  private positionAt?: string;
  private positionIds?: Map<string, string | number>;
  /** True once the walk read the list to its end (false when a limit or a failure stopped it). */
  finished = false;

  private entry!: RegisteredOperation;
  private perPage = maxPerPage;

  constructor(
    private readonly runner: OperationRunner,
    private readonly name: string,
    private readonly find: FindOperation,
    private readonly input: OperationInput = {},
    private readonly options: PaginateOptions = {},
    private readonly control: WalkControl = {},
  ) {
    const { limit, perPage } = options;
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw new ConfigurationError(`paginate(${name}): limit must be a whole number of records, not ${JSON.stringify(limit)}.`);
    if (perPage !== undefined && !(Number.isInteger(perPage) && perPage >= 1 && perPage <= maxPerPage)) {
      throw new ConfigurationError(`paginate(${name}): perPage must be a whole number from 1 to 100, not ${JSON.stringify(perPage)}.`);
    }
  }

  /** Finds the operation and decides how to walk it. */
  private async prepare(): Promise<void> {
    const entry = await this.find(this.name);
    if (!entry) throw new ConfigurationError(`There is no operation named ${JSON.stringify(this.name)}. Run \`salesloft-connector ops\` to list the operations.`);
    if (!isListOperation(entry)) {
      throw new ConfigurationError(`${this.name} is not a list operation: paginate walks operations that return {data: [...]}, such as list_people.`);
    }
    const { limit, perPage } = this.options;
    const wanted = perPage ?? (typeof this.input.per_page === 'number' ? this.input.per_page : maxPerPage);
    this.entry = entry;
    this.perPage = limit ? Math.min(wanted, limit) : wanted;
    this.stats = { records: 0, requests: 0, rateLimitCost: 0, strategy: strategyFor(entry, this.input) };
    this.positionAt = undefined;
    this.positionIds = undefined;
    this.warnedDeep = false;
  }

  /** Every record, into memory: needs a limit, so that a large list cannot exhaust it. */
  async toArray(): Promise<T[]> {
    if (this.options.limit === undefined) {
      throw new ConfigurationError(
        `paginate(${this.name}).toArray() needs a limit, e.g. paginate(name, input, {limit: 1000}): a list can hold more records than memory. To read them all, iterate with for await instead.`,
      );
    }
    const records: T[] = [];
    for await (const record of this) records.push(record);
    return records;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    await this.prepare();
    this.finished = false;
    const { limit } = this.options;
    if (limit === 0) return;
    // The one thing a walk keeps per record: its id, as a number where it is one (21 bytes a record in a
    // Set, against 53 as a string), so that a record changed during the walk is not yielded twice.
    const yielded = this.control.yieldOnce === false ? undefined : new Set<number | string>();
    for await (const record of this.walk()) {
      const key = typeof record.id === 'number' ? record.id : String(record.id);
      if (yielded) {
        if (record.id !== undefined && yielded.has(key)) continue;
        yielded.add(key);
      }
      this.stats.records += 1;
      yield record as T;
      if (limit !== undefined && this.stats.records >= limit) return;
    }
    this.finished = true;
  }

  private walk(): AsyncGenerator<ApiRecord> {
    switch (this.stats.strategy) {
      case 'keyset':
        return this.walkKeyset();
      case 'id':
        return this.walkIds();
      case 'pages':
        return this.walkPages();
      default:
        return this.walkSingle();
    }
  }

  private async fetch(input: OperationInput): Promise<ListPage> {
    const stats = this.stats;
    const observe = (answer: ObservedAnswer): void => {
      const { cost, remaining } = rateLimitOf(answer);
      stats.requests += 1;
      stats.rateLimitCost += cost ?? (answer.status < 300 ? 1 : 0);
      if (remaining !== undefined) stats.rateLimitRemaining = remaining;
    };
    const page = (await observingAnswers(observe, () => this.runner.run(this.entry.operation.name, input))) as ListPage;
    this.options.onPage?.({ ...stats });
    return page;
  }

  private async *walkSingle(): AsyncGenerator<ApiRecord> {
    const { data = [] } = await this.fetch(this.input);
    yield* data;
  }

  private async *walkIds(): AsyncGenerator<ApiRecord> {
    let after: unknown = (this.input.id as { gt?: unknown } | undefined)?.gt;
    for (;;) {
      const { data = [] } = await this.fetch({ ...this.input, per_page: this.perPage, ...(after === undefined ? {} : { id: { gt: after } }) });
      yield* data;
      const last = data[data.length - 1]?.id;
      if (data.length < this.perPage || last === undefined || last === after) return;
      after = last;
    }
  }

  private warnedDeep = false;

  /** Refuses page 101 and later unless allowed; when allowed, says once what they cost. */
  private checkPageDepth(page: number, total?: unknown): void {
    if (page <= maxCheapPage) return;
    const name = this.entry.operation.name;
    if (!this.options.allowDeepPages) throw new DeepPagesError(name, this.stats.records);
    if (this.warnedDeep) return;
    this.warnedDeep = true;
    const pages = typeof total === 'number' ? Math.ceil(total / this.perPage) : undefined;
    let extra = '';
    if (pages !== undefined) {
      let points = 0;
      for (let p = maxCheapPage + 1; p <= pages; p++) points += pageCost(p);
      extra = ` For the ${pages} pages of this list that is ${points} more points (${Math.ceil(points / 600)} minutes of a 600-a-minute budget).`;
    }
    const message = `${name}: reading past page 100; SalesLoft charges 3 points a page to 150, 8 to 250, 10 to 500 and 30 after.${extra} A filter that narrows the list costs less.`;
    (this.options.warn ?? ((text: string) => process.emitWarning(text, 'SalesLoftDeepPages')))(message);
  }

  /**
   * Without an order of the caller's, pages are read oldest first (created_at, else id, ascending): a record
   * created or updated meanwhile then cannot shift the pages still to read, as it would in SalesLoft's
   * default newest-updated-first order. Only a deletion can still move a record onto a page already read.
   */
  private stableOrder(): OperationInput {
    if (this.input.sort_by !== undefined || this.input.sort_direction !== undefined) return {};
    const sortable = resolvedProperties(this.entry.inputSchema).sort_by?.enum;
    const key = ['created_at', 'id'].find((candidate) => Array.isArray(sortable) && sortable.includes(candidate));
    return key ? { sort_by: key, sort_direction: 'ASC' } : {};
  }

  private async *walkPages(): AsyncGenerator<ApiRecord> {
    let page = typeof this.input.page === 'number' ? this.input.page : 1;
    const order = this.stableOrder();
    for (;;) {
      this.checkPageDepth(page);
      const { data = [], metadata } = await this.fetch({ ...this.input, ...order, per_page: this.perPage, page });
      yield* data;
      const next = metadata?.paging ? metadata.paging.next_page : data.length < this.perPage ? null : page + 1;
      if (typeof next !== 'number' || next <= page || data.length === 0) return;
      page = next;
    }
  }

  private async *walkKeyset(): AsyncGenerator<ApiRecord> {
    const { updated_at: ownRange = {}, ...filters } = this.input as OperationInput & { updated_at?: Record<string, string> };
    const { gt, gte, ...upper } = ownRange;
    // `exclusive`: nothing at `at` is wanted (the caller's own updated_at[gt]).
    let at: string | undefined = this.control.from?.updated_at ?? gte ?? gt;
    let exclusive = !this.control.from && gte === undefined && gt !== undefined;
    // The ids read at exactly `at`, by their text, keeping each id's own JSON type for the position.
    let idsAt = new Map((this.control.from?.ids ?? []).map((id) => [String(id), id]));
    const query = { ...filters, per_page: this.perPage, sort_by: 'updated_at', sort_direction: 'ASC' };

    const advance = (record: ApiRecord): void => {
      if (at !== undefined && compareTimes(record.updated_at, at) === 0) {
        idsAt.set(String(record.id), record.id);
      } else {
        at = String(record.updated_at);
        exclusive = false;
        idsAt = new Map([[String(record.id), record.id]]);
      }
      this.positionAt = at;
      this.positionIds = idsAt;
    };
    const alreadyRead = (record: ApiRecord): boolean => at !== undefined && compareTimes(record.updated_at, at) === 0 && (exclusive || idsAt.has(String(record.id)));

    for (;;) {
      const bound = at === undefined ? {} : { updated_at: { ...upper, [exclusive ? 'gt' : 'gte']: at } };
      const { data = [] } = await this.fetch({ ...query, ...(at === undefined && Object.keys(upper).length ? { updated_at: upper } : bound) });
      const fresh = data.filter((record) => !alreadyRead(record));
      if (data.some((record) => record.updated_at === undefined || record.updated_at === null)) {
        throw new ConfigurationError(`${this.entry.operation.name}: a record has no updated_at, so this list cannot be walked by it. Report this; as a workaround pass sort_by to walk by page number.`);
      }
      // A walk that went on after SalesLoft ignored the cursor would read the same page forever.
      if (at !== undefined && data.some((record) => (compareTimes(record.updated_at, at) ?? 0) < 0)) {
        throw new ConfigurationError(`${this.entry.operation.name}: SalesLoft answered records updated before the updated_at[gte] cursor ${at}, so the list cannot be walked by it. Report this; as a workaround pass sort_by to walk by page number.`);
      }
      for (const record of fresh) {
        advance(record);
        yield record;
      }
      if (data.length < this.perPage) return;
      if (fresh.length === 0 || data.every((record) => compareTimes(record.updated_at, at) === 0)) {
        // A whole page at one timestamp: the cursor cannot move past it with updated_at alone.
        yield* this.walkSlice(at as string, query, upper, alreadyRead, advance);
        exclusive = true;
        this.positionAt = at;
        this.positionIds = idsAt;
      }
    }
  }

  /**
   * Every record updated at exactly `at`, by page number within that one timestamp. Records can only
   * leave the slice while it is read (an update moves them later, where the main walk meets them), which
   * shifts later records to earlier pages: when the slice's count drops, the walk steps back as many
   * records as left, and the ids already read keep anything from being yielded twice.
   */
  private async *walkSlice(
    at: string,
    query: OperationInput,
    upper: Record<string, string>,
    alreadyRead: (record: ApiRecord) => boolean,
    advance: (record: ApiRecord) => void,
  ): AsyncGenerator<ApiRecord> {
    const counts = Boolean(resolvedProperties(this.entry.inputSchema).include_paging_counts);
    let page = 1;
    let lastTotal: number | undefined;
    for (;;) {
      this.checkPageDepth(page, lastTotal);
      const { data = [], metadata } = await this.fetch({ ...query, updated_at: { ...upper, gte: at, lte: at }, page, ...(counts ? { include_paging_counts: true } : {}) });
      const total = metadata?.paging?.total_count;
      if (typeof total === 'number' && lastTotal !== undefined && total < lastTotal) {
        // Records left the slice: the next unread ones may now sit on earlier pages.
        page = Math.max(1, page - Math.ceil((lastTotal - total) / this.perPage));
        lastTotal = total;
        continue;
      }
      if (typeof total === 'number') lastTotal = total;
      for (const record of data) {
        if (alreadyRead(record)) continue;
        advance(record);
        yield record;
      }
      if (data.length < this.perPage) return;
      page += 1;
    }
  }
}

/** The record type of a list operation's output (`{data: Record[]}`). */
export type ListRecord<Output> = Output extends { data?: Array<infer Item> } ? Item : ApiRecord;

export const createPaginator = (
  runner: OperationRunner,
  find: FindOperation,
  name: string,
  input: OperationInput = {},
  options: PaginateOptions = {},
  control: WalkControl = {},
): Paginator => new Paginator(runner, name, find, input, options, control);

/** A registry's operations as a FindOperation. */
export const findIn =
  (registry: Registry): FindOperation =>
  async (name) =>
    registry.get(name);
