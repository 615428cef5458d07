// The one runner: validate input -> build the request -> send it (auth, pacing, retries) -> map the
// response or the failure. Operation modules only declare; everything that touches HTTP is here.

import pRetry from 'p-retry';
import type { Got } from 'got';
import { ApiError, ConfigurationError, ConnectorError, InputError, NetworkError, scrub } from './errors.js';
import { runDdl } from './ddl.js';
import { createHttp } from './http.js';
import type { MainOperation, OperationInput, RequestParts } from './operation.js';
import { encodeQuery } from './query.js';
import { buildRawRequest } from './raw.js';
import { loadRegistry, type Registry } from './registry.js';
import { mayRetryStatus, mayRetryTransport, RatePacer, rateLimitWaitMs, retryAfterSeconds, sleep, type RetryOptions } from './retry.js';
import { toProblems } from './schema.js';
import type { OperationName, Operations } from './types.generated.js';

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
  /** The most a run may spend retrying (rate-limit waits included). Default 90 s. */
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
}

interface Settings extends RetryOptions {
  baseUrl: URL;
  timeoutMs: number;
  ddlItemCap: number;
  log?: (line: string) => void;
  envToken?: string;
  optionToken?: string;
}

interface Outgoing {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  idempotent: boolean;
  operation: string;
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

export const fillPath = (path: string, input: OperationInput): string =>
  // Each value is one encoded segment; dots are encoded too so that "." and ".." stay literal.
  path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String(input[key])).replace(/\./g, '%2E'));

const placeholdersOf = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);

const defaultParts = (operation: MainOperation, input: OperationInput): RequestParts => {
  const { fields, ...others } = input;
  const placeholders = placeholdersOf(operation.path);
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(others)) {
    if (!placeholders.includes(key)) query[operation.rename?.[key] ?? key] = value;
  }
  return { query, body: operation.method === 'POST' || operation.method === 'PUT' ? fields : undefined };
};

/** SalesLoft takes custom_fields as an object; seed-style `[{key, value}]` lists are turned into one. */
const normalizeBody = (body: unknown): unknown => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const { custom_fields: customFields } = body as { custom_fields?: unknown };
  if (!Array.isArray(customFields)) return body;
  return { ...body, custom_fields: Object.fromEntries(customFields.map(({ key, value }: { key: string; value: unknown }) => [key, value])) };
};

/** The input may be left out when the operation has no required input (e.g. `run('list_users_ddl')`). */
type InputArgument<Input> = {} extends Input ? [input?: Input] : [input: Input];

export class Connector {
  private readonly settings: Settings;
  private readonly http: Got;
  private readonly pacer: RatePacer;

  constructor(options: ConnectorOptions = {}) {
    const env = options.env ?? process.env;
    const baseUrl = options.baseUrl ?? env.SALESLOFT_BASE_URL ?? defaultBaseUrl;
    let parsed: URL;
    try {
      parsed = new URL(baseUrl);
    } catch {
      throw new ConfigurationError(`The base URL ${JSON.stringify(baseUrl)} is not a URL: give one like ${defaultBaseUrl}.`);
    }
    this.settings = {
      baseUrl: parsed,
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
    this.pacer = new RatePacer(this.settings);
  }

  /**
   * Runs a registered operation; the input and output types follow the name, so a misspelt name or
   * field, a wrong type or enum value and a missing required field fail to compile.
   */
  async run<Name extends OperationName>(name: Name, ...input: InputArgument<Operations[Name]['input']>): Promise<Operations[Name]['output']> {
    return (await this.runByName(name, input[0])) as Operations[Name]['output'];
  }

  /**
   * Runs an operation whose name is known only at run time (a CLI argument, a workflow step): the
   * input is checked against the operation's schema before anything is sent, as for `run`.
   */
  async runByName(name: string, input: unknown = {}): Promise<unknown> {
    return this.runChecked(name, (input ?? {}) as OperationInput);
  }

  private async runChecked(name: string, input: OperationInput): Promise<unknown> {
    const registry = await loadRegistry();
    const token = this.tokenFor(input);
    try {
      return await this.execute(registry, name, input, token);
    } catch (error) {
      if (error instanceof ConnectorError) {
        error.operation ??= name;
        error.message = scrub(error.message, [token ?? '']);
      }
      throw error;
    }
  }

  /** Checks an input without sending anything; throws InputError naming every bad field. */
  async validate(name: string, input: OperationInput): Promise<void> {
    const registry = await loadRegistry();
    this.checkInput(registry, name, input);
  }

  private tokenFor(input: OperationInput): string | undefined {
    const given = typeof input?.access_token === 'string' && input.access_token ? input.access_token : undefined;
    return given ?? this.settings.optionToken ?? this.settings.envToken;
  }

  private checkInput(registry: Registry, name: string, input: OperationInput): void {
    const entry = registry.get(name);
    if (!entry) {
      throw new ConfigurationError(`There is no operation named ${JSON.stringify(name)}. Run \`salesloft-connector ops\` to list the operations.`);
    }
    const validate = registry.validator(name, 'input');
    if (!validate(input)) throw new InputError(toProblems(validate.errors ?? []), name);
    const problems = entry.operation.kind === 'main' ? (entry.operation.check?.(input) ?? []) : [];
    if (problems.length) throw new InputError(problems, name);
  }

  private async execute(registry: Registry, name: string, input: OperationInput, token: string | undefined): Promise<unknown> {
    this.checkInput(registry, name, input);
    const { operation } = registry.get(name)!;
    if (operation.kind === 'trigger') {
      throw new ConfigurationError(
        `${name} is a ${operation.delivery} trigger${operation.eventType ? ` (event ${operation.eventType})` : ''}, which SalesLoft delivers to a webhook subscription: it is not run. Subscribe with create_webhook_subscription and verify each delivery with parseWebhook. Nothing was sent.`,
      );
    }
    if (!token) {
      throw new ConfigurationError(
        'No SalesLoft access token: give access_token in the input, the accessToken option, or the SALESLOFT_ACCESS_TOKEN environment variable. Nothing was sent.',
      );
    }
    if (operation.kind === 'ddl') {
      return runDdl(operation, input, async (path, query) => this.parsed(await this.send({ method: 'GET', url: this.url(path, query), idempotent: true, operation: name }, token)) as never, this.settings.ddlItemCap);
    }
    if (operation.raw) return this.runRaw(input, token, name);

    const { access_token: _token, ...rest } = input;
    void _token;
    const parts = operation.request ? operation.request(rest) : defaultParts(operation, rest);
    const body = normalizeBody(parts.body);
    const answer = await this.send(
      {
        method: operation.method,
        url: this.url(fillPath(operation.path, rest), parts.query),
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        idempotent: operation.idempotent ?? operation.method !== 'POST',
        operation: name,
      },
      token,
    );
    return this.parsed(answer);
  }

  private url(path: string, query?: Record<string, unknown>): URL {
    const { baseUrl } = this.settings;
    const url = new URL(`${baseUrl.origin}${baseUrl.pathname.replace(/\/$/, '')}${path}`);
    url.search = encodeQuery(query).toString();
    return url;
  }

  /** A 2xx answer as output: its JSON, or {success: true} for an empty (204) one. */
  private parsed(answer: Answer): unknown {
    if (answer.status === 204 || !answer.text.trim()) return { success: true };
    const body = parseJson(answer.text);
    if (body === undefined) {
      throw new ApiError({ status: answer.status, method: answer.method, path: answer.path, apiMessage: `the response was not JSON: ${answer.text.slice(0, 120)}`, hint: 'Check the base URL: it should be the SalesLoft API.' });
    }
    return body;
  }

  private async runRaw(input: OperationInput, token: string, name: string): Promise<unknown> {
    const raw = buildRawRequest(input, this.settings.baseUrl);
    const answer = await this.send({ method: raw.method, url: raw.url, headers: raw.headers, body: raw.body, idempotent: raw.idempotent, operation: name }, token, true);
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

  /**
   * Sends with the token, pacing and retries. Resolves with a 2xx answer (or any answer when
   * `anyStatus`), else rejects with ApiError or NetworkError.
   */
  private async send(request: Outgoing, token: string, anyStatus = false): Promise<Answer> {
    const { settings, pacer } = this;
    const where = `${request.method} ${request.url.pathname}`;
    let attempts = 0;
    const attempt = async (): Promise<Answer> => {
      await pacer.beforeRequest();
      attempts += 1;
      let answer: Answer;
      try {
        const response = await this.http(request.url, {
          method: request.method as 'GET',
          headers: { ...request.headers, authorization: `Bearer ${token}` },
          body: request.body,
        });
        answer = { method: request.method, path: request.url.pathname, status: response.statusCode, headers: response.headers, text: response.body };
      } catch (error) {
        const { code = 'ERR_NETWORK', name } = error as { code?: string; name?: string };
        settings.log?.(`${where} -> ${code} (attempt ${attempts})`);
        throw new Unanswered(code, name === 'TimeoutError' || code === 'ETIMEDOUT');
      }
      settings.log?.(`${where} -> ${answer.status} (attempt ${attempts})`);
      pacer.observe(answer.headers);
      if (answer.status >= 400 || (answer.status >= 300 && !anyStatus)) throw new Refusal(answer);
      return answer;
    };

    try {
      return await pRetry(attempt, {
        retries: settings.retries,
        minTimeout: settings.minRetryDelayMs,
        factor: 2,
        maxTimeout: 10_000,
        randomize: true,
        maxRetryTime: settings.maxRetryTimeMs,
        shouldRetry: async ({ error }) => {
          if (error instanceof Unanswered) return mayRetryTransport(error.code, request.idempotent);
          if (!(error instanceof Refusal) || !mayRetryStatus(error.answer.status, request.idempotent)) return false;
          if (error.answer.status !== 429) return true;
          const wait = rateLimitWaitMs(error.answer, pacer);
          if (wait > settings.maxRetryTimeMs) return false;
          await sleep(wait);
          return true;
        },
      });
    } catch (error) {
      if (error instanceof Refusal) {
        if (anyStatus) return error.answer;
        const { apiMessage, fieldErrors } = readApiError(scrub(error.answer.text, [token]));
        throw new ApiError({
          status: error.answer.status,
          method: request.method,
          path: request.url.pathname,
          apiMessage: error.answer.status >= 300 && error.answer.status < 400 ? `redirected to ${String(error.answer.headers.location ?? 'elsewhere')}, which the connector does not follow` : apiMessage,
          fieldErrors,
          retryAfterSeconds: error.answer.status === 429 ? retryAfterSeconds(error.answer.headers) : undefined,
          attempts,
          hint: /scope/i.test(`${apiMessage} ${JSON.stringify(fieldErrors ?? {})}`) ? scopeHint : undefined,
        });
      }
      if (error instanceof Unanswered) throw new NetworkError(request.method, request.url.pathname, error.code, attempts, error.timedOut);
      throw error;
    }
  }
}

export const createConnector = (options?: ConnectorOptions): Connector => new Connector(options);
