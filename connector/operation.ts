// What an operation module declares. Modules are data plus, at most, small pure mapping functions:
// they never send requests, see the token or handle errors; the runner does all of that.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

// Validated input; its exact type per operation is generated into connector/types.generated.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationInput = Record<string, any>;

/** What an operation sends besides its method and path. */
export interface RequestParts {
  query?: Record<string, unknown>;
  body?: unknown;
}

/** A rule broken by the input that its schema cannot state; `path` names the field, e.g. `fields.crm_id_type`. */
export interface InputProblem {
  path: string;
  message: string;
}

interface OperationBase {
  name: string;
  title: string;
  description: string;
}

export interface MainOperation extends OperationBase {
  kind: 'main';
  method: HttpMethod;
  /**
   * API path. `{name}` placeholders are filled from the input property of that name, each encoded as one
   * path segment (an id of `1/../x` cannot change the path).
   */
  path: string;
  /** Safe to send twice. Default: true for GET, PUT and DELETE, false for POST (true when it has an idempotencyKey). */
  idempotent?: boolean;
  /**
   * The body field SalesLoft reads as an idempotency key (create_task: `idempotency_key`). When the input
   * gives none, the runner generates one per run, so the create is safe to retry.
   */
  idempotencyKey?: string;
  /** Input property -> API parameter name, for the default mapping (e.g. `cadence_ids` -> `ids`). */
  rename?: Record<string, string>;
  /**
   * Replaces the default mapping, which sends `fields` as the JSON body and every other input property
   * (renamed, without access_token and path placeholders) as query parameters.
   */
  request?: (input: OperationInput) => RequestParts;
  /** Rules the input schema cannot state, checked before anything is sent. */
  check?: (input: OperationInput) => InputProblem[];
  /**
   * What a person should do when SalesLoft answers 403 to this operation: the scope, role or plan it needs
   * (the runner gives it as the error's hint).
   */
  forbiddenHint?: string;
  /** Marks the raw HTTP request operation, whose URL, headers and body come from its input. */
  raw?: true;
}

export interface Choice {
  text: string;
  value: string | number;
}

export type DdlPaging =
  | 'pages' // page/per_page=100, following metadata.paging.next_page
  | 'cursor' // id[gt]=<last id>, per_page=100 (bulk jobs)
  | 'single' // one request, no paging (groups)
  | 'static'; // no request at all

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiRecord = Record<string, any>;

export interface DdlOperation extends OperationBase {
  kind: 'ddl';
  paging: DdlPaging;
  /** API list path; absent for static lists. */
  path?: string;
  /** Query parameters from the DDL's input (filters such as cadence_id), besides paging and search. */
  query?: (input: OperationInput) => Record<string, unknown>;
  /** `api`: the `search` input is sent as SalesLoft's `search` parameter; `text`: it filters the choices' text. */
  search: 'api' | 'text';
  /**
   * A filter SalesLoft applies to what the person typed, when it can (a full email address, a domain, an
   * exact name): the records it finds among all (not only the first ones listed) are choices. Unless
   * `alsoMatchTexts`, they are the only ones when there are any; when there are none, or for text it
   * cannot send (undefined), the list is read and matched as `search` says.
   */
  searchFilter?: (search: string) => { query: Record<string, unknown>; alsoMatchTexts?: boolean } | undefined;
  /** One API record as a dropdown choice; undefined leaves the record out. */
  choice?: (record: ApiRecord) => Choice | undefined;
  /** Choices offered besides the API's, e.g. the `_is_null` filter value. */
  extraChoices?: Choice[];
  /** The whole list, for static DDLs. */
  staticChoices?: () => Choice[];
}

/**
 * A trigger starts a workflow when something changes in SalesLoft. `poll` triggers are run like any
 * operation and return `{records, state}` (the caller stores `state` and passes it back); `webhook`
 * triggers are delivered by SalesLoft to a subscription and never run.
 */
export interface TriggerOperation extends OperationBase {
  kind: 'trigger';
  delivery: 'poll' | 'webhook';
  /** The resource its records are, e.g. `person`. */
  resource: string;
  /** poll: the list operation it reads, e.g. `list_people`. */
  list?: string;
  /** webhook: SalesLoft's event_type, e.g. `person_created`. */
  eventType?: string;
  /** The OAuth scope it needs, e.g. `people:read`. */
  scope?: string;
}

export type OperationKind = Operation['kind'];

export type Operation = MainOperation | DdlOperation | TriggerOperation;

/** Whether sending the operation's request twice is harmless (the runner's retry policy follows it). */
export const isIdempotent = (operation: MainOperation): boolean => operation.idempotent ?? (operation.idempotencyKey !== undefined || operation.method !== 'POST');

export const defineTrigger = (operation: Omit<TriggerOperation, 'kind'>): TriggerOperation => ({ kind: 'trigger', ...operation });

export const defineOperation = (operation: Omit<MainOperation, 'kind'>): MainOperation => ({ kind: 'main', ...operation });

export const defineDdl = (operation: Omit<DdlOperation, 'kind'>): DdlOperation => ({ kind: 'ddl', ...operation });

/** A timestamp as a person reads it in a dropdown, to the minute: "2024-05-01 14:32". */
export const minuteOf = (timestamp: unknown): string => String(timestamp).slice(0, 16).replace('T', ' ');
