// The one runner: validate input -> build the request -> send it (auth, pacing, retries) -> map the
// response or the failure. Operation modules only declare; everything that touches HTTP is here.
//
// Every failure of a run is a ConnectorError built with its secrets redacted and with an `outcome`:
// `unknown` when a write may have reached SalesLoft without its answer coming back. Every wait of a run
// (pacing, rate-limit waits, backoff, every DDL page) comes out of one deadline, maxRetryTimeMs.

import { randomUUID } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import type { Got } from 'got';
import { ApiError, ConfigurationError, ConnectorError, InputError, NetworkError, RateLimitedError, UnexpectedError, type Outcome } from './errors.js';
import { runDdl } from './ddl.js';
import { createHttp } from './http.js';
import { isIdempotent, type MainOperation, type OperationInput, type RequestParts } from './operation.js';
import { encodeQuery } from './query.js';
import { buildRawRequest } from './raw.js';
import { loadOperation, loadValidator, type RegisteredOperation } from './registry.js';
// paginate/poll hooks (issue 11): the layers made of many runs, and the answers they observe.
import { reportAnswer } from './observe.js';
import { createPaginator, type ListRecord, type PaginateOptions, type Paginator } from './paginate.js';
import { runPoll } from './poll.js';
import { backoffMs, mayRetryStatus, mayRetryTransport, neverSent, rateLimitWaitMs, retryAfterSeconds, systemClock, type Clock, type RetryOptions } from './retry.js';
import { shapeProblems, toProblems } from './problems.js';
import { redact, registerSecret, registerSecretFields } from './secrets.js';
import type { OperationName, Operations } from './types.generated.js';
// recipes: OAuth sessions, the team's rate budget and bulk jobs (connector/auth, connector/budget, connector/bulk).
import { oauthSession, type OAuthOptions, type OAuthSession } from './auth/oauth.js';
import { createBudget, type Budget } from './budget/index.js';
import { runBulk, type BulkJobType, type BulkOptions, type BulkSummary } from './bulk.js';

export const defaultBaseUrl = 'https://api.salesloft.com';

export interface ConnectorOptions {
  /** Used when the input has no access_token; else SALESLOFT_ACCESS_TOKEN. */
  accessToken?: string;
  /** Default: SALESLOFT_BASE_URL, else https://api.salesloft.com. */
  baseUrl?: string;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** First backoff delay; later ones double, with jitter. Default 500 ms. */
  minRetryDelayMs?: number;
  /**
   * The deadline of a whole run: pacing pauses, rate-limit waits, backoff and every DDL page included.
   * A run that cannot finish inside it fails (at most one request's timeout later). Default 90 s.
   */
  maxRetryTimeMs?: number;
  /** SalesLoft's rate-limit window. Default 60 s. */
  rateLimitWindowMs?: number;
  /** When x-ratelimit-remaining-minute falls to this, later requests wait for the next window. Default 5. */
  paceBelowRemaining?: number;
  /** The most records a DDL reads. Default 500. */
  ddlItemCap?: number;
  /** Receives one line per request sent (method, path, status, attempt); never the token. */
  log?: (line: string) => void;
  /** Environment to read SALESLOFT_* from. Default process.env. */
  env?: Record<string, string | undefined>;
  /** Where time comes from (tests pass their own); default the system clock. */
  clock?: Clock;
  /** OAuth credentials: tokens are refreshed (rotating refresh tokens) or obtained by client credentials. See connector/auth/oauth.ts. */
  oauth?: OAuthOptions;
  /** redis://... of a rate budget shared by every process of the team. Default SALESLOFT_REDIS_URL, else in-process pacing. */
  redisUrl?: string;
  /** The team's rate budget per window, for the shared budget. Default 600 (SalesLoft's per minute). */
  rateLimitBudget?: number;
}

interface Settings extends RetryOptions {
  baseUrl: URL;
  /** The base URL's origin and path, without a trailing slash: request paths are appended to it. */
  prefix: string;
  clock: Clock;
  timeoutMs: number;
  ddlItemCap: number;
  log?: (line: string) => void;
  envToken?: string;
  optionToken?: string;
}

interface Outgoing {
  method: string;
  /** The absolute URL, built once; got parses it once. */
  url: string;
  /** The path, as errors and log lines name it. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  idempotent: boolean;
  /** The advice when a write's outcome is unknown; default: check before running again. */
  unknownOutcomeHint?: string;
  /** current-api-2: the operation's forbiddenHint, said when SalesLoft answers 403. */
  forbiddenHint?: string;
}

/** One run of an operation: its token, its deadline and what it has spent. */
interface Run {
  name: string;
  token: string;
  deadline: number;
  waitedMs: number;
  /** A write was handed to the network: an unforeseen failure may have left it applied. */
  sentWrite: boolean;
  /** recipes: the token came from the OAuth session (so a 401 may replace it). */
  fromSession?: boolean;
}

interface Answer {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A response with an error status, thrown inside the retry loop. */
class Refusal extends Error {
  constructor(readonly answer: Answer) {
    super(`HTTP ${answer.status}`);
  }
}

/** A request that got no response, thrown inside the retry loop. */
class Unanswered extends Error {
  constructor(
    readonly code: string,
    readonly timedOut: boolean,
  ) {
    super(code);
  }
}

/** The pacer's pause would pass the run's deadline; thrown inside the retry loop, nothing sent. */
class PastDeadline extends Error {
  constructor(readonly retryAt: number) {
    super('past the deadline');
  }
}

/** The access token the input gives for its run, if any. */
const givenToken = (input: OperationInput): string | undefined => (typeof input.access_token === 'string' && input.access_token ? input.access_token : undefined);

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A request that cannot change anything in SalesLoft. */
const isRead = (method: string): boolean => readMethods.has(method);

/** Characters an HTTP header value can carry in a Bearer token: visible ASCII, no space or line break. */
const headerSafeToken = /^[\x21-\x7e]+$/;

const unknownOutcomeAdvice = (request: Outgoing): string =>
  request.unknownOutcomeHint ??
  (request.idempotent
    ? `The change may have been applied; running again is safe, as ${request.method} ${request.path} is idempotent.`
    : `The write may have been applied even though its answer was lost: check whether it was (for example, look the record up by a field you set, such as the email address) before running again, or running again may create a duplicate.`);

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

type ErrorBody = { error?: unknown; error_description?: unknown; message?: unknown; errors?: unknown };

/** SalesLoft's own words, from any of its error shapes. */
const readApiError = (text: string): { apiMessage?: string; fieldErrors?: Record<string, string[]> } => {
  const body = parseJson(text) as ErrorBody | undefined;
  if (!body || typeof body !== 'object') return text.trim() ? { apiMessage: text.trim().slice(0, 300) } : {};
  let fieldErrors: Record<string, string[]> | undefined;
  if (Array.isArray(body.errors)) {
    fieldErrors = {};
    for (const item of body.errors as Array<{ attribute?: string; field?: string; message?: string }>) {
      const field = item.attribute ?? item.field ?? 'base';
      (fieldErrors[field] ??= []).push(String(item.message ?? item));
    }
  } else if (body.errors && typeof body.errors === 'object') {
    fieldErrors = Object.fromEntries(Object.entries(body.errors).map(([field, messages]) => [field, [messages].flat().map(String)]));
  } else if (typeof body.errors === 'string') {
    fieldErrors = { base: [body.errors] };
  }
  const parts = [body.error, body.error_description ?? body.message].filter((part) => typeof part === 'string' && part);
  return { apiMessage: parts.length ? parts.join(': ') : undefined, fieldErrors };
};

const scopeHint =
  "The token lacks a SalesLoft scope this needs (email subjects and bodies need the privileged email_contents:read scope; some data needs a Premier plan): ask a SalesLoft admin to grant it, or leave those fields out.";

const placeholderPattern = /\{(\w+)\}/g;

export const fillPath = (path: string, input: OperationInput): string =>
  // Each value is one encoded segment; dots are encoded too so that "." and ".." stay literal.
  path.replace(placeholderPattern, (_, key: string) => encodeURIComponent(String(input[key])).replace(/\./g, '%2E'));

/** Path placeholders by path, scanned once per operation rather than once per run. */
const placeholderCache = new Map<string, string[]>();
const placeholdersOf = (path: string): string[] => {
  let names = placeholderCache.get(path);
  if (!names) placeholderCache.set(path, (names = [...path.matchAll(placeholderPattern)].map((match) => match[1])));
  return names;
};

const defaultParts = (operation: MainOperation, input: OperationInput): RequestParts => {
  const placeholders = placeholdersOf(operation.path);
  let query: Record<string, unknown> | undefined;
  for (const key in input) {
    if (key === 'fields' || key === 'access_token' || placeholders.includes(key)) continue;
    (query ??= {})[operation.rename?.[key] ?? key] = input[key];
  }
  return { query, body: operation.method === 'POST' || operation.method === 'PUT' ? input.fields : undefined };
};

/** SalesLoft takes custom_fields as an object; seed-style `[{key, value}]` lists are turned into one. */
export const normalizeBody = (body: unknown): unknown => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const { custom_fields: customFields } = body as { custom_fields?: unknown };
  if (!Array.isArray(customFields)) return body;
  return { ...body, custom_fields: Object.fromEntries(customFields.map(({ key, value }: { key: string; value: unknown }) => [key, value])) };
};


/** What the attempts of one request have found so far. */
interface SendState {
  attempts: number;
  /** A write attempt may have reached SalesLoft without an answer saying it failed. */
  mayHaveApplied: boolean;
  /** When the retry that the deadline prevented would have been sent. */
  retryAt?: number;
}

/** A write whose connection was lost after sending, or that drew a 5xx (a proxy's, maybe after the write), may have been applied. */
const noteFailure = (error: unknown, request: Outgoing, state: SendState): void => {
  if (isRead(request.method)) return;
  if ((error instanceof Unanswered && !neverSent(error.code)) || (error instanceof Refusal && error.answer.status >= 500)) state.mayHaveApplied = true;
};

/** The input may be left out when the operation has no required input (e.g. `run('list_users_ddl')`). */
type InputArgument<Input> = {} extends Input ? [input?: Input] : [input: Input];

export class Connector {
  private readonly settings: Settings;
  private readonly http: Got;
  private readonly pacer: Budget;
  private readonly oauth?: OAuthSession;
  private readonly prepared = new Map<string, { entry: RegisteredOperation; validate: ValidateFunction }>();

  constructor(options: ConnectorOptions = {}) {
    const env = options.env ?? process.env;
    const baseUrl = options.baseUrl ?? env.SALESLOFT_BASE_URL ?? defaultBaseUrl;
    let parsed: URL;
    try {
      parsed = new URL(baseUrl);
    } catch {
      throw new ConfigurationError(`The base URL ${JSON.stringify(baseUrl.slice(0, 200))} is not a URL: give one like ${defaultBaseUrl}.`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new ConfigurationError(`The base URL ${JSON.stringify(baseUrl.slice(0, 200))} is not an http(s) URL: give one like ${defaultBaseUrl}.`);
    }
    registerSecret(options.accessToken);
    registerSecret(env.SALESLOFT_ACCESS_TOKEN);
    const clock = options.clock ?? systemClock;
    this.settings = {
      baseUrl: parsed,
      prefix: `${parsed.origin}${parsed.pathname.replace(/\/$/, '')}`,
      clock,
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 4,
      minRetryDelayMs: options.minRetryDelayMs ?? 500,
      maxRetryTimeMs: options.maxRetryTimeMs ?? 90_000,
      rateLimitWindowMs: options.rateLimitWindowMs ?? 60_000,
      paceBelowRemaining: options.paceBelowRemaining ?? 5,
      ddlItemCap: options.ddlItemCap ?? 500,
      log: options.log,
      optionToken: options.accessToken,
      envToken: env.SALESLOFT_ACCESS_TOKEN,
    };
    this.http = createHttp(this.settings.timeoutMs);
    // recipes: the pacer is the team's rate budget (in-process, or shared in Redis); OAuth supplies tokens.
    this.oauth = options.oauth ? oauthSession(options.oauth, env, { redisUrl: options.redisUrl ?? env.SALESLOFT_REDIS_URL, log: options.log }) : undefined;
    this.pacer = createBudget(
      {
        ...this.settings,
        redisUrl: options.redisUrl ?? env.SALESLOFT_REDIS_URL,
        budgetPerWindow: options.rateLimitBudget ?? 600,
        credential: options.oauth?.clientId ?? options.accessToken ?? env.SALESLOFT_ACCESS_TOKEN ?? 'no credentials',
      },
      clock,
    );
  }

  /** Drives a bulk job over the records: chunks, ready, polling, failed results (connector/bulk.ts). */
  bulk(type: BulkJobType, records: readonly object[], options?: BulkOptions): Promise<BulkSummary> {
    return runBulk(this, type, records, options);
  }

  /** Releases the shared rate budget's Redis connection, if any. */
  async close(): Promise<void> {
    await this.pacer.close?.();
  }

  /**
   * Runs a registered operation; the input and output types follow the name, so a misspelt name or
   * field, a wrong type or enum value and a missing required field fail to compile. Every failure is a
   * ConnectorError.
   */
  // run and runByName hand back runChecked's promise as it is: each async layer costs every run a few microtask turns.
  run<Name extends OperationName>(name: Name, ...input: InputArgument<Operations[Name]['input']>): Promise<Operations[Name]['output']> {
    return this.runChecked(name, input[0] as OperationInput) as Promise<Operations[Name]['output']>;
  }

  /**
   * Runs an operation whose name is known only at run time (a CLI argument, a workflow step): the
   * input is checked against the operation's schema before anything is sent, as for `run`.
   */
  runByName(name: string, input: unknown = {}): Promise<unknown> {
    return this.runChecked(name, input as OperationInput);
  }

  private async runChecked(name: string, input: OperationInput = {}): Promise<unknown> {
    const run: Run = { name, token: '', deadline: this.settings.clock.now() + this.settings.maxRetryTimeMs, waitedMs: 0, sentWrite: false };
    try {
      const { entry, validate } = this.prepared.get(name) ?? (await this.prepare(name));
      try {
        return await this.execute(entry, validate, run, input);
      } catch (error) {
        // recipes: SalesLoft refused a session's token: replace it once (one refresh for every waiting run), run again.
        if (!this.oauth || !run.fromSession || !(error instanceof ApiError) || error.status !== 401) throw error;
        await this.oauth.rejected(run.token);
        return await this.execute(entry, validate, run, input);
      }
    } catch (error) {
      if (error instanceof ConnectorError) {
        error.operation ??= name;
        throw error;
      }
      throw new UnexpectedError(error, name, run.sentWrite ? 'unknown' : 'not_applied');
    }
  }

  /**
   * The records of a list operation as an async iterable, one `run` per page (connector/paginate.ts):
   * `for await (const person of connector.paginate('list_people', {person_stage_id: [21]}))`.
   */
  paginate<Name extends OperationName>(name: Name, input?: Operations[Name]['input'], options?: PaginateOptions): Paginator<ListRecord<Operations[Name]['output']>>;
  paginate(name: string, input?: OperationInput, options?: PaginateOptions): Paginator;
  paginate(name: string, input: OperationInput = {}, options: PaginateOptions = {}): Paginator {
    return createPaginator(this.byName, loadOperation, name, input, options);
  }

  /** Runs by a name known only at run time, for the layers made of many runs (issue 11). */
  private readonly byName = { run: (name: string, input: OperationInput): Promise<unknown> => this.run(name as never, input as never) };

  /** Checks an input without sending anything; throws InputError naming every bad field. */
  async validate(name: string, input: OperationInput): Promise<void> {
    const { entry, validate } = this.prepared.get(name) ?? (await this.prepare(name));
    this.checkInput(entry, validate, input);
  }

  /** The operation and its input validator, loaded once per connector so later runs start without waiting. */
  private async prepare(name: string): Promise<{ entry: RegisteredOperation; validate: ValidateFunction }> {
    const entry = await this.operation(name);
    const prepared = { entry, validate: await loadValidator(entry, 'input') };
    this.prepared.set(name, prepared);
    return prepared;
  }

  /** The registered operation of that name, loaded alone (its module and its two schemas). */
  private async operation(name: string): Promise<RegisteredOperation> {
    const entry = await loadOperation(name);
    if (!entry) {
      throw new ConfigurationError(`There is no operation named ${JSON.stringify(String(name).slice(0, 100))}. Run \`salesloft-connector ops\` to list the operations.`);
    }
    return entry;
  }

  /** The token of a run; refused before anything is sent when HTTP cannot carry it in a header. */
  private tokenFor(input: OperationInput, name: string): string | undefined {
    const given = givenToken(input); // registered as a secret with the input's other secret fields
    const token = given ?? this.settings.optionToken ?? this.settings.envToken;
    if (token !== undefined && !headerSafeToken.test(token)) {
      const problem = 'contains characters an HTTP header cannot carry (a space, a line break or a non-ASCII character): copy the token again, without them';
      if (given) throw new InputError([{ path: 'access_token', message: problem }], name);
      throw new ConfigurationError(`The access token (${this.settings.optionToken ? 'the accessToken option' : 'SALESLOFT_ACCESS_TOKEN'}) ${problem}. Nothing was sent.`);
    }
    return token;
  }

  private checkInput(entry: RegisteredOperation, validate: ValidateFunction, input: OperationInput): void {
    const { name } = entry.operation;
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      throw new InputError([{ path: '', message: "must be an object of the operation's fields, such as {\"person_id\": 1}" }], name);
    }
    const shape = shapeProblems(input);
    if (shape.length) throw new InputError(shape, name);
    if (!validate(input)) throw new InputError(toProblems(validate.errors ?? []), name);
    const problems = entry.operation.kind === 'main' ? (entry.operation.check?.(input) ?? []) : [];
    if (problems.length) throw new InputError(problems, name);
  }

  private async execute(entry: RegisteredOperation, validate: ValidateFunction, run: Run, input: OperationInput): Promise<unknown> {
    const { name } = run;
    this.checkInput(entry, validate, input);
    registerSecretFields(input);
    const { operation } = entry;
    if (operation.kind === 'trigger' && operation.delivery !== 'poll') {
      throw new ConfigurationError(
        `${name} is a ${operation.delivery} trigger${operation.eventType ? ` (event ${operation.eventType})` : ''}, which SalesLoft delivers to a webhook subscription: it is not run. Subscribe with create_webhook_subscription and verify each delivery with parseWebhook. Nothing was sent.`,
      );
    }
    // recipes: an OAuth session supplies the token unless the input gives one.
    run.fromSession = !!this.oauth && !givenToken(input);
    const token = run.fromSession ? await this.oauth!.accessToken() : this.tokenFor(input, name);
    if (!token) {
      throw new ConfigurationError(
        'No SalesLoft access token: give access_token in the input, the accessToken option, or the SALESLOFT_ACCESS_TOKEN environment variable. Nothing was sent.',
      );
    }
    run.token = token;
    if (operation.kind === 'trigger') return runPoll(this.byName, loadOperation, operation, input); // issue 11: poll triggers
    if (operation.kind === 'ddl') {
      return runDdl(
        operation,
        input,
        async (path, query) => this.parsed(await this.send(this.outgoing('GET', path, query), run)) as never,
        this.settings.ddlItemCap,
      );
    }
    if (operation.raw) return this.runRaw(input, run);

    let parts: RequestParts;
    if (operation.request) {
      const { access_token: _token, ...rest } = input;
      void _token;
      parts = operation.request(rest);
    } else {
      parts = defaultParts(operation, input);
    }
    let body = normalizeBody(parts.body);
    let unknownOutcomeHint: string | undefined;
    const keyField = operation.idempotencyKey;
    if (keyField && body && typeof body === 'object' && !Array.isArray(body)) {
      const given = (body as Record<string, unknown>)[keyField];
      const key = typeof given === 'string' && given ? given : randomUUID();
      body = { ...body, [keyField]: key };
      unknownOutcomeHint = `The write may have been applied. Running again with fields.${keyField} ${JSON.stringify(key)} is safe: SalesLoft will not apply it twice.`;
    }
    const outgoing = this.outgoing(operation.method, fillPath(operation.path, input), parts.query, body, isIdempotent(operation));
    outgoing.unknownOutcomeHint = unknownOutcomeHint;
    outgoing.forbiddenHint = operation.forbiddenHint;
    return this.parsed(await this.send(outgoing, run));
  }

  private outgoing(method: string, path: string, query?: Record<string, unknown>, body?: unknown, idempotent = isRead(method)): Outgoing {
    const search = query ? encodeQuery(query).toString() : '';
    return {
      method,
      url: `${this.settings.prefix}${path}${search ? `?${search}` : ''}`,
      path,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      idempotent,
    };
  }

  /** A 2xx answer as output: its JSON, or {success: true} for an empty (204) one. */
  private parsed(answer: Answer): unknown {
    if (answer.status === 204 || answer.text.length === 0) return { success: true };
    const body = parseJson(answer.text);
    if (body === undefined) {
      if (!answer.text.trim()) return { success: true };
      throw new ApiError({
        status: answer.status,
        method: answer.method,
        path: answer.path,
        apiMessage: `the response was not JSON: ${answer.text.slice(0, 120)}`,
        hint: `Check the base URL: it should be the SalesLoft API.${isRead(answer.method) ? '' : ' The write may have been applied: check before running again.'}`,
        outcome: isRead(answer.method) ? 'not_applied' : 'unknown',
      });
    }
    return body;
  }

  private async runRaw(input: OperationInput, run: Run): Promise<unknown> {
    const raw = buildRawRequest(input, this.settings.baseUrl);
    const request: Outgoing = { method: raw.method, url: raw.url.href, path: raw.url.pathname, headers: raw.headers, body: raw.body, idempotent: raw.idempotent };
    const answer = await this.send(request, run, true);
    const body = raw.parse === 'json' ? (parseJson(answer.text) ?? answer.text) : answer.text;
    return {
      response: {
        status_code: answer.status,
        headers: answer.headers,
        body: body === '' ? null : body,
        ...(raw.includeRawBody ? { raw_body: answer.text } : {}),
      },
    };
  }

  /** One attempt: the pacer's pause (inside the deadline), then the request. Throws Refusal, Unanswered or PastDeadline. */
  private async attempt(request: Outgoing, run: Run, headers: Record<string, string>, anyStatus: boolean, attempt: number): Promise<Answer> {
    const { settings, pacer } = this;
    // recipes: a shared budget reserves this request's cost in a window and waits for it, or refuses when none before the deadline has room.
    if (pacer.take) {
      const taken = await pacer.take(run.deadline);
      if ('refusedUntil' in taken) throw new PastDeadline(taken.refusedUntil);
      run.waitedMs += taken.waitedMs;
    }
    const pause = pacer.pauseMs();
    if (pause > 0) {
      const now = settings.clock.now();
      if (now + pause > run.deadline) throw new PastDeadline(now + pause);
      await settings.clock.sleep(pause);
      run.waitedMs += pause;
    }
    if (!isRead(request.method)) run.sentWrite = true;
    let answer: Answer;
    try {
      const response = await this.http(request.url, { method: request.method as 'GET', headers, body: request.body });
      answer = { method: request.method, path: request.path, status: response.statusCode, headers: response.headers, text: response.body };
    } catch (error) {
      const { code = 'ERR_NETWORK', name } = error as { code?: string; name?: string };
      settings.log?.(redact(`${request.method} ${request.path} -> ${code} (attempt ${attempt})`));
      throw new Unanswered(code, name === 'TimeoutError' || code === 'ETIMEDOUT');
    }
    settings.log?.(redact(`${request.method} ${request.path} -> ${answer.status} (attempt ${attempt})`));
    pacer.observe(answer.headers);
    reportAnswer(answer); // issue 11: paginate/poll count requests and rate-limit points
    if (answer.status >= 400 || (answer.status >= 300 && !anyStatus)) throw new Refusal(answer);
    return answer;
  }

  /**
   * Sends with the token, pacing and retries. Resolves with a 2xx answer (or any answer when
   * `anyStatus`), else rejects with ApiError, NetworkError or RateLimitedError. The first attempt runs
   * on its own; p-retry takes over only once an attempt has failed.
   */
  private async send(request: Outgoing, run: Run, anyStatus = false): Promise<Answer> {
    const headers = request.headers ? { ...request.headers, authorization: `Bearer ${run.token}` } : { authorization: `Bearer ${run.token}` };
    const state: SendState = { attempts: 1, mayHaveApplied: false };
    try {
      return await this.attempt(request, run, headers, anyStatus, 1);
    } catch (first) {
      if (!(await this.beforeRetry(first, request, run, state))) {
        if (anyStatus && first instanceof Refusal) return first.answer;
        throw this.failure(first, request, run, state);
      }
    }
    const { retries } = this.settings;
    try {
      // p-retry is loaded (and paid for) only once an attempt has failed.
      const { default: pRetry } = await import('p-retry');
      return await pRetry(
        () => {
          state.attempts += 1;
          return this.attempt(request, run, headers, anyStatus, state.attempts);
        },
        { retries: retries - 1, minTimeout: 0, maxTimeout: 0, randomize: false, shouldRetry: ({ error }) => this.beforeRetry(error, request, run, state) },
      );
    } catch (error) {
      if (anyStatus && error instanceof Refusal) return error.answer;
      throw this.failure(error, request, run, state);
    }
  }

  /**
   * After a failed attempt: whether to try again, having waited as long as needed (the next rate-limit
   * window for a 429, no backoff on top; jittered backoff otherwise), never past the run's deadline.
   */
  private async beforeRetry(error: unknown, request: Outgoing, run: Run, state: SendState): Promise<boolean> {
    const { settings, pacer } = this;
    noteFailure(error, request, state);
    let wait: number;
    if (error instanceof Unanswered) {
      if (!mayRetryTransport(error.code, request.idempotent)) return false;
      wait = backoffMs(state.attempts, settings.minRetryDelayMs);
    } else if (error instanceof Refusal) {
      const { status } = error.answer;
      if (!mayRetryStatus(status, request.idempotent)) return false;
      wait = status === 429 ? rateLimitWaitMs(error.answer, pacer, settings.clock.now()) : backoffMs(state.attempts, settings.minRetryDelayMs);
    } else {
      return false;
    }
    if (state.attempts > settings.retries) return false;
    const now = settings.clock.now();
    if (now + wait > run.deadline) {
      state.retryAt = now + wait;
      return false;
    }
    await settings.clock.sleep(wait);
    run.waitedMs += wait;
    return true;
  }

  /** The typed error for the last failure of a request. */
  private failure(error: unknown, request: Outgoing, run: Run, state: SendState): unknown {
    noteFailure(error, request, state);
    const outcome: Outcome = state.mayHaveApplied ? 'unknown' : 'not_applied';
    if (state.retryAt === undefined && error instanceof Refusal && error.answer.status === 429) {
      const now = this.settings.clock.now();
      state.retryAt = now + rateLimitWaitMs(error.answer, this.pacer, now);
    }
    const waited = state.retryAt !== undefined || run.waitedMs > 0 ? { waitedMs: run.waitedMs, retryAt: state.retryAt === undefined ? undefined : new Date(state.retryAt).toISOString() } : {};
    if (error instanceof PastDeadline) {
      return new RateLimitedError({ method: request.method, path: request.path, waitedMs: run.waitedMs, retryAt: new Date(error.retryAt).toISOString(), outcome });
    }
    if (error instanceof Refusal) {
      const { answer } = error;
      const { apiMessage, fieldErrors } = readApiError(answer.text);
      const redirected = answer.status >= 300 && answer.status < 400;
      return new ApiError({
        status: answer.status,
        method: request.method,
        path: request.path,
        apiMessage: redirected ? `redirected to ${String(answer.headers.location ?? 'elsewhere')}, which the connector does not follow` : apiMessage,
        fieldErrors,
        retryAfterSeconds: answer.status === 429 ? retryAfterSeconds(answer.headers, this.settings.clock.now()) : undefined,
        attempts: state.attempts,
        hint: outcome === 'unknown' ? unknownOutcomeAdvice(request) : answer.status === 403 && request.forbiddenHint ? request.forbiddenHint : /scope/i.test(`${apiMessage} ${JSON.stringify(fieldErrors ?? {})}`) ? scopeHint : undefined,
        outcome,
        ...waited,
      });
    }
    if (error instanceof Unanswered) {
      return new NetworkError({
        method: request.method,
        path: request.path,
        code: error.code,
        attempts: state.attempts,
        timedOut: error.timedOut,
        outcome,
        hint: outcome === 'unknown' ? unknownOutcomeAdvice(request) : undefined,
        ...waited,
      });
    }
    return error;
  }
}

export const createConnector = (options?: ConnectorOptions): Connector => new Connector(options);
