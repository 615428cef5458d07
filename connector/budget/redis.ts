// One rate budget for every process of a team, kept in Redis. Each send takes its cost from the
// current window's counter with an atomic script; answers raise the counter to what SalesLoft says
// is used (other integrations of the team spend the same budget). Windows are aligned on multiples
// of the window length, as SalesLoft's minutes are. When Redis cannot be reached the process says so
// once and paces alone (RatePacer), and goes back to the shared budget when Redis is back.

import type { Redis } from 'ioredis';
import { RatePacer, systemClock, type Clock, type RetryOptions } from '../retry.js';
import { urlWithoutPassword } from '../secrets.js';

// KEYS[1] the window's counter; ARGV cost, budget, ttl ms. Returns the budget left after taking, or -1.
const takeScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local cost = tonumber(ARGV[1])
if used + cost > tonumber(ARGV[2]) then return -1 end
used = redis.call('INCRBY', KEYS[1], cost)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return tonumber(ARGV[2]) - used`;

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

  private windowKey(now = this.time.now()): string {
    return `${this.budget.key}:${Math.floor(now / this.budget.rateLimitWindowMs)}`;
  }

  private get shared(): boolean {
    return this.redis?.status === 'ready';
  }

  /**
   * Takes one request's cost from the shared budget, waiting for the next window while it is spent.
   * Resolves undefined once taken (or at once while Redis is unreachable: the in-process pause applies),
   * else the time the request could have gone, when waiting for it would pass the deadline.
   */
  async take(deadline: number): Promise<number | undefined> {
    await this.connected;
    for (;;) {
      if (!this.shared) return undefined;
      const now = this.time.now();
      const window = this.budget.rateLimitWindowMs;
      // A request granted in a window's last moments may reach SalesLoft in the next one: wait for it instead.
      const spent = now % window > window - Math.min(200, window / 20) || (await this.takeOne(now)) === false;
      if (!spent) return undefined;
      const wait = this.msUntilNextWindow(this.time.now());
      if (this.time.now() + wait > deadline) return this.time.now() + wait;
      await this.time.sleep(wait);
    }
  }

  /** true when taken, false when the window's budget is spent, undefined when Redis failed. */
  private async takeOne(now: number): Promise<boolean | undefined> {
    try {
      return Number(await this.redis!.eval(takeScript, 1, this.windowKey(now), 1, this.budget.budgetPerWindow, this.budget.rateLimitWindowMs * 2)) >= 0;
    } catch (error) {
      this.fallBack((error as Error).message);
      return undefined;
    }
  }

  override observe(headers: Record<string, string | string[] | undefined>): void {
    if (!this.shared) return super.observe(headers);
    const raw = headers['x-ratelimit-remaining-minute'];
    const remaining = Number(Array.isArray(raw) ? raw[0] : raw);
    if (raw === undefined || !Number.isFinite(remaining)) return;
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
