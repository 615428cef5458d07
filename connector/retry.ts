// When to try a request again, how long to wait, and how to stay under SalesLoft's rate limit.
//
// 429 is retried for every method: SalesLoft refused it before doing anything. 5xx, 408 and lost
// connections are retried only when sending twice is harmless (GET, PUT, DELETE, or an operation
// declared idempotent); a create POST is retried only when the connection was never made.


export interface RetryOptions {
  retries: number;
  minRetryDelayMs: number;
  maxRetryTimeMs: number;
  rateLimitWindowMs: number;
  paceBelowRemaining: number;
}

export interface AnsweredFailure {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** Codes of failures that happen before any byte reaches the server. */
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export const mayRetryStatus = (status: number, idempotent: boolean): boolean =>
  status === 429 || (idempotent && (status >= 500 || status === 408));

export const mayRetryTransport = (code: string, idempotent: boolean): boolean => idempotent || neverSentCodes.has(code);

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), if it has a usable one. */
export const retryAfterSeconds = (headers: AnsweredFailure['headers'], now = Date.now()): number | undefined => {
  const raw = headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
};

const jitter = (ms: number): number => Math.round(Math.random() * ms);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tracks `x-ratelimit-remaining-minute` across the requests of one connector: when the remaining
 * budget runs low, later requests wait for the next rate-limit window instead of drawing a 429.
 */
export class RatePacer {
  private pausedUntil = 0;

  constructor(private readonly options: Pick<RetryOptions, 'rateLimitWindowMs' | 'paceBelowRemaining'>) {}

  msUntilNextWindow(now = Date.now()): number {
    const window = this.options.rateLimitWindowMs;
    return window - (now % window) + jitter(Math.min(1000, window / 10));
  }

  observe(headers: AnsweredFailure['headers']): void {
    const raw = headers['x-ratelimit-remaining-minute'];
    const remaining = Number(Array.isArray(raw) ? raw[0] : raw);
    if (raw !== undefined && Number.isFinite(remaining) && remaining <= this.options.paceBelowRemaining) {
      this.pausedUntil = Date.now() + this.msUntilNextWindow();
    }
  }

  async beforeRequest(): Promise<void> {
    const wait = this.pausedUntil - Date.now();
    if (wait > 0) await sleep(wait);
  }
}

/** How long to wait before retrying a 429: Retry-After when SalesLoft gives one, else the next window. */
export const rateLimitWaitMs = (failure: AnsweredFailure, pacer: RatePacer): number => {
  const seconds = retryAfterSeconds(failure.headers);
  return seconds !== undefined ? seconds * 1000 + jitter(250) : pacer.msUntilNextWindow();
};
