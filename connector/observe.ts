// Lets a layer made of many runs (paginate, poll) see the HTTP answers of the runs it makes - their
// rate-limit headers - without the runner knowing about it. The observer is scoped to the async call
// chain, so two walks running at once on one connector each count only their own requests.

import { AsyncLocalStorage } from 'node:async_hooks';
import { headerNumber, remainingOf } from './retry.js';

export interface ObservedAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

const observers = new AsyncLocalStorage<(answer: ObservedAnswer) => void>();

/** Runs `task` with `observer` receiving every answer the runner gets while doing it. */
export const observingAnswers = <T>(observer: (answer: ObservedAnswer) => void, task: () => Promise<T>): Promise<T> => observers.run(observer, task);

/** Called by the runner for every answer it receives. */
export const reportAnswer = (answer: ObservedAnswer): void => observers.getStore()?.(answer);

/** SalesLoft's rate-limit figures of one answer: what it cost and what is left this minute. */
export const rateLimitOf = (answer: ObservedAnswer): { cost?: number; remaining?: number } => ({
  cost: headerNumber(answer.headers, 'x-ratelimit-endpoint-cost'),
  remaining: remainingOf(answer.headers),
});
