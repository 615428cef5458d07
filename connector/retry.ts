// When to try a request again, how long to wait, and how to stay under SalesLoft's rate limit.
//
// 429 is retried for every method: SalesLoft refused it before doing anything. 5xx, 408 and lost
// connections are retried only when sending twice is harmless (GET, PUT, DELETE, or an operation
// declared idempotent); a create POST is retried only when the connection was never made.
//
// Every wait of a run (pacing, rate-limit waits, backoff) is taken from one deadline, maxRetryTimeMs
// after the run started: a wait that would pass it is not taken and the run fails, saying when to try again.

export interface RetryOptions {
  retries: number;
  minRetryDelayMs: number;
  maxRetryTimeMs: number;
  rateLimitWindowMs: number;
  paceBelowRemaining: number;
}

/** A numeric header of an answer (its first value), or undefined when it is absent or not a number. */
export const headerNumber = (headers: Record<string, string | string[] | undefined>, name: string): number | undefined => {
  const raw = headers[name];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw === undefined || !Number.isFinite(value) ? undefined : value;
};

/** What SalesLoft says is left of this minute's budget: `x-ratelimit-remaining-minute`. */
export const remainingOf = (headers: Record<string, string | string[] | undefined>): number | undefined => headerNumber(headers, 'x-ratelimit-remaining-minute');

/** Where a connector's time comes from: the real clock, or a test's own. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const systemClock: Clock = { now: () => Date.now(), sleep };

export interface AnsweredFailure {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** Codes of failures that happen before any byte reaches the server. */
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** True when a failed transport attempt cannot have reached the server. */
export const neverSent = (code: string): boolean => neverSentCodes.has(code);

export const mayRetryStatus = (status: number, idempotent: boolean): boolean =>
  status === 429 || (idempotent && (status >= 500 || status === 408));

export const mayRetryTransport = (code: string, idempotent: boolean): boolean => idempotent || neverSent(code);

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), if it has a usable one. */
export const retryAfterSeconds = (headers: AnsweredFailure['headers'], now = Date.now()): number | undefined => {
  const raw = headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  if (/^\d{1,9}(\.\d{1,6})?$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
};

const jitter = (ms: number): number => Math.round(Math.random() * ms);

/** Exponential backoff with jitter (between 1x and 2x), capped at 10 s, for the retry after `attempt`. */
export const backoffMs = (attempt: number, minRetryDelayMs: number): number =>
  Math.min(10_000, Math.round(minRetryDelayMs * 2 ** (attempt - 1) * (1 + Math.random())));

/**
 * Tracks `x-ratelimit-remaining-minute` across the requests of one connector: when the remaining
 * budget runs low, later requests wait for the next rate-limit window instead of drawing a 429.
 */
export class RatePacer {
  private pausedUntil = 0;

  constructor(
    private readonly options: Pick<RetryOptions, 'rateLimitWindowMs' | 'paceBelowRemaining'>,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Until the start of the next window, plus a small jitter so that paused clients do not all start at once. */
  msUntilNextWindow(now = this.clock.now()): number {
    const window = this.options.rateLimitWindowMs;
    return window - (now % window) + jitter(Math.min(250, window / 20));
  }

  observe(headers: AnsweredFailure['headers']): void {
    const remaining = remainingOf(headers);
    if (remaining !== undefined && remaining <= this.options.paceBelowRemaining) {
      this.pausedUntil = this.clock.now() + this.msUntilNextWindow();
    }
  }

  /** How long the next request should wait (0 when the budget is not running low). */
  pauseMs(now = this.clock.now()): number {
    return Math.max(0, this.pausedUntil - now);
  }

  async beforeRequest(): Promise<void> {
    const wait = this.pauseMs();
    if (wait > 0) await this.clock.sleep(wait);
  }
}

/** How long to wait before retrying a 429: Retry-After when SalesLoft gives one, else the next window. No backoff on top. */
export const rateLimitWaitMs = (failure: AnsweredFailure, pacer: RatePacer, now?: number): number => {
  const seconds = retryAfterSeconds(failure.headers, now);
  return seconds !== undefined ? seconds * 1000 + jitter(250) : pacer.msUntilNextWindow(now);
};
