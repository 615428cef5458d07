// The team's per-minute rate budget, consulted by the runner before each send and after each answer.
// In-process pacing (RatePacer) is the default; a Redis store shares one budget across processes.

import { createHash } from 'node:crypto';
import { RatePacer, systemClock, type Clock, type RetryOptions } from '../retry.js';
import { RedisBudget } from './redis.js';

export interface BudgetOptions extends Pick<RetryOptions, 'rateLimitWindowMs' | 'paceBelowRemaining'> {
  /** redis://host:port of the shared store; without it each process paces alone. */
  redisUrl?: string;
  /** The team's budget per window (SalesLoft: 600 a minute). */
  budgetPerWindow: number;
  /** What identifies the team's credentials; only its hash is stored. */
  credential: string;
  log?: (line: string) => void;
}

/** A stable, non-reversible name for a team's credentials: the Redis key never holds a token. */
export const budgetKey = (credential: string): string =>
  `salesloft-connector:budget:${createHash('sha256').update(credential).digest('hex').slice(0, 32)}`;

/**
 * What the runner paces with: RatePacer (pauseMs before a send, observe after each answer), and for a
 * shared budget `take`, which reserves a request's cost in a window and waits for it before the request
 * is sent, or answers the time it could have been sent when no window before the run's deadline has room.
 */
export type Budget = RatePacer & { take?(deadline: number): Promise<{ waitedMs: number } | { refusedUntil: number }>; close?(): Promise<void> };

/** The runner's pacer: in-process, or shared through Redis when a URL is given. */
export const createBudget = (options: BudgetOptions, clock: Clock = systemClock): Budget =>
  options.redisUrl ? new RedisBudget({ ...options, redisUrl: options.redisUrl, key: budgetKey(options.credential) }, clock) : new RatePacer(options, clock);

export { RedisBudget } from './redis.js';
