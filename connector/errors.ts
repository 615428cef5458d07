// One error hierarchy. Every error says what was wrong, where, and what to do; none carries a secret:
// messages are scrubbed of the token when built, and toJSON() exposes only plain fields.

import type { InputProblem } from './operation.js';

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
  | 'signature'; // a webhook delivery that fails verification (connector/webhooks.ts)

export abstract class ConnectorError extends Error {
  abstract readonly kind: ErrorKind;
  /** The operation that failed, when known. */
  operation?: string;

  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, kind: this.kind, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined) fields[key] = value;
    }
    return fields;
  }
}

/** The input does not satisfy the operation's schema or rules; nothing was sent. */
export class InputError extends ConnectorError {
  readonly kind = 'input' as const;
  constructor(
    readonly problems: InputProblem[],
    operation?: string,
  ) {
    super(
      `Invalid input${operation ? ` for ${operation}` : ''}: ${problems.map((p) => `${p.path || 'input'} ${p.message}`).join('; ')}. Correct these fields and run again.`,
    );
    this.name = 'InputError';
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
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'RefusedRequestError';
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

export interface ApiErrorDetails {
  status: number;
  method: string;
  path: string;
  apiMessage?: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
  attempts?: number;
  hint?: string;
}

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

  constructor(details: ApiErrorDetails) {
    const kind = kindByStatus(details.status);
    const fields = details.fieldErrors
      ? Object.entries(details.fieldErrors)
          .map(([field, messages]) => `${field} ${messages.join(', ')}`)
          .join('; ')
      : undefined;
    const said = [details.apiMessage, fields].filter(Boolean).join(': ');
    super(
      [
        `SalesLoft answered ${details.status} to ${details.method} ${details.path}${said ? `: ${said}` : ''}.`,
        details.hint ?? adviceByKind[kind],
        details.attempts && details.attempts > 1 ? `(after ${details.attempts} attempts)` : undefined,
      ]
        .filter(Boolean)
        .join(' '),
    );
    this.name = 'ApiError';
    this.kind = kind;
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.apiMessage = details.apiMessage;
    this.fieldErrors = details.fieldErrors;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.attempts = details.attempts;
  }
}

/** The request never got an answer: connection refused or reset, DNS failure, or a timeout. */
export class NetworkError extends ConnectorError {
  readonly kind: 'network' | 'timeout';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly code: string,
    readonly attempts: number,
    timedOut: boolean,
  ) {
    super(
      timedOut
        ? `${method} ${path} got no answer from SalesLoft in time (${code}${attempts > 1 ? `, after ${attempts} attempts` : ''}). Run again, or raise the timeout.`
        : `${method} ${path} could not reach SalesLoft (${code}${attempts > 1 ? `, after ${attempts} attempts` : ''}). Check the network and the base URL, then run again.`,
    );
    this.name = timedOut ? 'TimeoutError' : 'NetworkError';
    this.kind = timedOut ? 'timeout' : 'network';
  }
}

/**
 * Replaces every occurrence of each secret in a text. Values under 8 characters are no real
 * credential (SalesLoft keys and tokens are far longer) and scrubbing them would garble every word.
 */
export const scrub = (text: string, secrets: readonly string[]): string =>
  secrets.filter((secret) => secret.length >= 8).reduce((clean, secret) => clean.split(secret).join('[redacted]'), text);
