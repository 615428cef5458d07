// One rate budget for every process of a team, kept in Redis. Each send reserves its cost in the
// earliest window that has room, with an atomic script over the counters of the windows before its
// deadline, and waits for that window: first come, first served across every worker, so a run never
// loses the race for a window again and again while later ones go (they did, when every waiter raced
// for each new window). Answers raise the current window's counter to what SalesLoft says is used
// (other integrations of the team spend the same budget). Windows are aligned on multiples of the
// window length, as SalesLoft's minutes are. When Redis cannot be reached the process says so once and
// paces alone (RatePacer), and goes back to the shared budget when Redis is back.

import type { Redis } from 'ioredis';
import { RatePacer, remainingOf, systemClock, type Clock, type RetryOptions } from '../retry.js';
import { urlWithoutPassword } from '../secrets.js';

// KEYS the counters of the windows a request may go in, earliest first; ARGV cost, budget, ttl ms.
// Reserves the cost in the first window with room and returns its position in KEYS (from 0), or -1.
const reserveScript = `
local cost = tonumber(ARGV[1])
local budget = tonumber(ARGV[2])
for index, key in ipairs(KEYS) do
  local used = tonumber(redis.call('GET', key) or '0')
  if used + cost <= budget then
    redis.call('INCRBY', key, cost)
    redis.call('PEXPIRE', key, ARGV[3])
    return index - 1
  end
end
return -1`;

/** The most windows ahead a request reserves in (a deadline far away, a short window). */
const maxWindowsAhead = 120;

// KEYS[1] the window's counter; ARGV used as SalesLoft reported it, ttl ms. Only ever raises the counter.
const correctScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > used then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 0`;

export interface RedisBudgetOptions extends Pick<RetryOptions, 'rateLimitWindowMs' | 'paceBelowRemaining'> {
  redisUrl: string;
  key: string;
  budgetPerWindow: number;
  log?: (line: string) => void;
  /** How long the first send waits for the connection before pacing alone. Default 2 s. */
  connectTimeoutMs?: number;
}

export class RedisBudget extends RatePacer {
  private redis?: Redis;
  private readonly connected: Promise<void>;
  private warned = false;

  constructor(
    private readonly budget: RedisBudgetOptions,
    private readonly time: Clock = systemClock,
  ) {
    super(budget, time);
    this.connected = this.connect(budget.connectTimeoutMs ?? 2000).catch((error: Error) => this.fallBack(error.message));
  }

  /** ioredis is loaded only by a connector that shares its budget. */
  private async connect(connectTimeout: number): Promise<void> {
    const { Redis } = await import('ioredis');
    const redis = new Redis(this.budget.redisUrl, {
      connectTimeout,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 500, 5000),
      lazyConnect: false,
      disconnectTimeout: 200,
    });
    this.redis = redis;
    redis.on('error', (error: Error & { code?: string }) => this.fallBack(error.code ?? error.message));
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, connectTimeout);
      redis.once('ready', done);
      redis.once('error', done);
    });
  }

  private fallBack(reason: string): void {
    if (this.warned) return;
    this.warned = true;
    (this.budget.log ?? ((line: string) => process.stderr.write(`${line}\n`)))(
      `The shared rate budget in Redis (${urlWithoutPassword(this.budget.redisUrl)}) is unreachable (${reason}): this process paces alone until Redis is back.`,
    );
  }

  private windowKey(now: number = this.time.now()): string {
    return `${this.budget.key}:${Math.floor(now / this.budget.rateLimitWindowMs)}`;
  }

  private get shared(): boolean {
    return this.redis?.status === 'ready';
  }

  /**
   * Reserves one request's cost in the earliest window with room that starts before the deadline, and
   * waits for that window. Resolves with the milliseconds waited (0 at once while Redis is unreachable:
   * the in-process pause applies) or, when no window before the deadline has room, with `refusedUntil`,
   * the time the request could have gone.
   */
  async take(deadline: number): Promise<{ waitedMs: number } | { refusedUntil: number }> {
    await this.connected;
    if (!this.shared) return { waitedMs: 0 };
    const window = this.budget.rateLimitWindowMs;
    const now = this.time.now();
    // A request sent in a window's last moments may reach SalesLoft in the next one: it goes in the next.
    const first = Math.floor(now / window) + (now % window > window - Math.min(200, window / 20) ? 1 : 0);
    const last = Math.min(Math.floor(deadline / window), first + maxWindowsAhead - 1);
    if (last < first) return { refusedUntil: first * window };
    const keys = Array.from({ length: last - first + 1 }, (_, offset) => `${this.budget.key}:${first + offset}`);
    let reserved: number;
    try {
      reserved = Number(await this.redis!.eval(reserveScript, keys.length, ...keys, 1, this.budget.budgetPerWindow, (keys.length + 2) * window));
    } catch (error) {
      this.fallBack((error as Error).message);
      return { waitedMs: 0 };
    }
    if (reserved < 0) return { refusedUntil: (last + 1) * window };
    const start = (first + reserved) * window;
    const wait = start - this.time.now();
    if (wait <= 0) return { waitedMs: 0 };
    // Past the start by a little (a timer may fire a millisecond early) and spread, not all at one instant.
    const spread = wait + 1 + Math.round(Math.random() * Math.min(100, window / 40));
    await this.time.sleep(spread);
    return { waitedMs: spread };
  }

  override observe(headers: Record<string, string | string[] | undefined>): void {
    if (!this.shared) return super.observe(headers);
    const remaining = remainingOf(headers);
    if (remaining === undefined) return;
    const used = Math.max(0, this.budget.budgetPerWindow - remaining);
    this.redis!.eval(correctScript, 1, this.windowKey(), used, this.budget.rateLimitWindowMs * 2).catch((error: Error) => this.fallBack(error.message));
  }

  async close(): Promise<void> {
    await this.connected;
    const redis = this.redis;
    if (!redis) return;
    if (this.shared) await redis.quit().catch(() => redis.disconnect());
    else redis.disconnect();
  }
}
