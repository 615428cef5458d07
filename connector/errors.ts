// One error hierarchy. Every error says what was wrong, where, and what to do; none carries a secret:
// every string an error holds is redacted when the error is built (connector/secrets.ts), messages are
// bounded to 4 KB, and toJSON() / util.inspect show only those redacted fields.

import { inspect } from 'node:util';
import type { InputProblem } from './operation.js';
import { redact, redactDeep } from './secrets.js';

export type ErrorKind =
  | 'input'
  | 'configuration'
  | 'refused'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'http'
  | 'network'
  | 'timeout'
  | 'unexpected'
  | 'signature'; // a webhook delivery that fails verification (connector/webhooks.ts)

/**
 * Whether the request may have changed anything in SalesLoft: `not_applied` when nothing was (nothing
 * sent, a read, or SalesLoft refused it), `unknown` when a write may have reached SalesLoft and its
 * answer was lost (connection lost after sending, a timeout, a 5xx a proxy may have produced).
 */
export type Outcome = 'unknown' | 'not_applied';

export const maxMessageLength = 4096;

/** A redacted text of at most `max` characters, saying how much was left out. */
export const bounded = (text: string, max = maxMessageLength): string => {
  const clean = redact(text.length > max * 2 ? text.slice(0, max * 2) : text);
  if (clean.length <= max) return clean;
  const kept = max - 40;
  return `${clean.slice(0, kept)} … (${clean.length - kept + (text.length - Math.min(text.length, max * 2))} more characters)`;
};

export abstract class ConnectorError extends Error {
  abstract readonly kind: ErrorKind;
  /** The operation that failed, when known. */
  operation?: string;
  /** Whether the request may have changed anything in SalesLoft. */
  outcome: Outcome;

  constructor(message: string, outcome: Outcome = 'not_applied') {
    super(bounded(message));
    this.outcome = outcome;
  }

  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, kind: this.kind, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined) fields[key] = value;
    }
    return redactDeep(fields);
  }

  [inspect.custom](): string {
    return `${redact(this.stack ?? `${this.name}: ${this.message}`)}\n${inspect(this.toJSON(), { depth: 4 })}`;
  }
}

const maxProblemsShown = 20;

/** The input does not satisfy the operation's schema or rules; nothing was sent. */
export class InputError extends ConnectorError {
  readonly kind = 'input' as const;
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[], operation?: string) {
    const clean = problems.slice(0, 1000).map((problem) => ({ path: bounded(problem.path, 200), message: bounded(problem.message, 500) }));
    const shown = clean.slice(0, maxProblemsShown).map((p) => `${p.path || 'input'} ${p.message}`);
    if (problems.length > maxProblemsShown) shown.push(`and ${problems.length - maxProblemsShown} more problems`);
    super(`Invalid input${operation ? ` for ${operation}` : ''}: ${shown.join('; ')}. Correct these fields and run again. Nothing was sent.`);
    this.name = 'InputError';
    this.problems = clean;
    this.operation = operation;
  }
}

/** The connector is missing something it needs before it can send (a token, a known operation). */
export class ConfigurationError extends ConnectorError {
  readonly kind = 'configuration' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** A raw HTTP request that would leave the SalesLoft API (or trick its way out); nothing was sent. */
export class RefusedRequestError extends ConnectorError {
  readonly kind = 'refused' as const;
  readonly url: string;
  constructor(message: string, url: string) {
    super(message);
    this.name = 'RefusedRequestError';
    this.url = bounded(url, 500);
  }
}

const kindByStatus = (status: number): ErrorKind => {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'http';
};

const adviceByKind: Partial<Record<ErrorKind, string>> = {
  unauthorized: 'Check the access token: it is missing, expired or revoked.',
  forbidden: "The token's user or scopes do not allow this: ask a SalesLoft admin for access or a token with the needed scope.",
  not_found: 'Check the id: the record does not exist or is not visible to this user.',
  validation: 'Correct the fields SalesLoft named and run again.',
  rate_limited: "The team's SalesLoft rate limit (600 per minute by default) is used up: run again after the next minute.",
  server: 'SalesLoft had a problem: run again later.',
};

/** How long a run waited in all, and when a new attempt may succeed: said by rate-limit and time-bound errors. */
export interface Waited {
  /** Milliseconds the run spent waiting (pacing, rate-limit waits, backoff). */
  waitedMs?: number;
  /** When running again may succeed (ISO 8601), e.g. the start of the next rate-limit window. */
  retryAt?: string;
}

const waitedSentence = ({ waitedMs, retryAt }: Waited): string | undefined =>
  waitedMs === undefined && !retryAt
    ? undefined
    : [
        waitedMs !== undefined ? `Waited ${(waitedMs / 1000).toFixed(1)} s in all (maxRetryTimeMs bounds the whole run).` : undefined,
        retryAt ? `Try again after ${retryAt}.` : undefined,
      ]
        .filter(Boolean)
        .join(' ');

export interface ApiErrorDetails extends Waited {
  status: number;
  method: string;
  path: string;
  apiMessage?: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
  attempts?: number;
  /** Replaces the advice of the error's kind. */
  hint?: string;
  outcome?: Outcome;
}

const fieldErrorsLimit = 50;

/** SalesLoft answered with an error status. */
export class ApiError extends ConnectorError {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly apiMessage?: string;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;
  readonly attempts?: number;
  readonly waitedMs?: number;
  readonly retryAt?: string;

  constructor(details: ApiErrorDetails) {
    const kind = kindByStatus(details.status);
    const apiMessage = details.apiMessage === undefined ? undefined : bounded(details.apiMessage, 1000);
    const fieldErrors = details.fieldErrors
      ? Object.fromEntries(
          Object.entries(details.fieldErrors)
            .slice(0, fieldErrorsLimit)
            .map(([field, messages]) => [bounded(field, 200), messages.slice(0, 20).map((message) => bounded(String(message), 500))]),
        )
      : undefined;
    const fields = fieldErrors
      ? Object.entries(fieldErrors)
          .map(([field, messages]) => `${field} ${messages.join(', ')}`)
          .join('; ')
      : undefined;
    const said = [apiMessage, fields].filter(Boolean).join(': ');
    super(
      [
        `SalesLoft answered ${details.status} to ${details.method} ${details.path}${said ? `: ${said}` : ''}.`,
        details.hint ?? adviceByKind[kind],
        waitedSentence(details),
        details.attempts && details.attempts > 1 ? `(after ${details.attempts} attempts)` : undefined,
      ]
        .filter(Boolean)
        .join(' '),
      details.outcome,
    );
    this.name = 'ApiError';
    this.kind = kind;
    this.status = details.status;
    this.method = details.method;
    this.path = bounded(details.path, 500);
    this.apiMessage = apiMessage;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.attempts = details.attempts;
    this.waitedMs = details.waitedMs;
    this.retryAt = details.retryAt;
  }
}

export interface NetworkErrorDetails extends Waited {
  method: string;
  path: string;
  /** The transport's code, e.g. ECONNRESET, ETIMEDOUT. */
  code: string;
  attempts: number;
  timedOut: boolean;
  outcome?: Outcome;
  /** Replaces the default advice. */
  hint?: string;
}

/** The request never got an answer: connection refused or reset, DNS failure, or a timeout. */
export class NetworkError extends ConnectorError {
  readonly kind: 'network' | 'timeout';
  readonly method: string;
  readonly path: string;
  readonly code: string;
  readonly attempts: number;
  readonly waitedMs?: number;
  readonly retryAt?: string;

  constructor(details: NetworkErrorDetails) {
    const { method, timedOut, attempts } = details;
    const path = bounded(details.path, 500);
    const code = bounded(details.code, 100);
    const after = `${code}${attempts > 1 ? `, after ${attempts} attempts` : ''}`;
    super(
      [
        timedOut ? `${method} ${path} got no answer from SalesLoft in time (${after}).` : `${method} ${path} could not reach SalesLoft (${after}).`,
        details.hint ?? (timedOut ? 'Run again, or raise the timeout.' : 'Check the network and the base URL, then run again.'),
        waitedSentence(details),
      ]
        .filter(Boolean)
        .join(' '),
      details.outcome,
    );
    this.name = timedOut ? 'TimeoutError' : 'NetworkError';
    this.kind = timedOut ? 'timeout' : 'network';
    this.method = method;
    this.path = path;
    this.code = code;
    this.attempts = attempts;
    this.waitedMs = details.waitedMs;
    this.retryAt = details.retryAt;
  }
}

/**
 * A failure the connector did not foresee, kept typed so that callers only ever see ConnectorErrors.
 * Its message names the original error's type and (redacted, shortened) message.
 */
export class UnexpectedError extends ConnectorError {
  readonly kind = 'unexpected' as const;
  constructor(error: unknown, operation: string, outcome: Outcome) {
    const original = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    super(
      `${operation} failed unexpectedly (${bounded(original, 300)}). ${
        outcome === 'unknown' ? 'A request may have reached SalesLoft: check whether the change was made before running again.' : 'Nothing was sent.'
      } Please report this with the operation's name.`,
      outcome,
    );
    this.name = 'UnexpectedError';
    this.operation = operation;
  }
}

/**
 * The run stopped before sending a request because SalesLoft's rate limit is nearly used up and
 * waiting for the next window would pass the run's time bound (maxRetryTimeMs).
 */
export class RateLimitedError extends ConnectorError {
  readonly kind = 'rate_limited' as const;
  readonly method: string;
  readonly path: string;
  readonly waitedMs: number;
  readonly retryAt: string;
  constructor(details: { method: string; path: string; waitedMs: number; retryAt: string; outcome?: Outcome }) {
    const path = bounded(details.path, 500);
    super(
      [
        `${details.method} ${path} was not sent: SalesLoft's rate limit for this minute is nearly used up, and waiting for the next window would pass the run's time bound (maxRetryTimeMs).`,
        waitedSentence(details),
        'Or raise maxRetryTimeMs.',
      ].join(' '),
      details.outcome,
    );
    this.name = 'RateLimitedError';
    this.method = details.method;
    this.path = path;
    this.waitedMs = details.waitedMs;
    this.retryAt = details.retryAt;
  }
}
