// Workers of a platform that hold the same rotating refresh token must not both spend it: SalesLoft
// answers the second with invalid_grant, and the pair the first got revokes the one the second got.
// With a Redis URL, every refresh goes through this ledger. The worker that takes the lock for a
// refresh token spends it and records its successor pair under that token's hash; the others wait for
// the record and adopt the pair; a worker still holding an older token follows the records to the
// newest. A record is sealed (AES-256-GCM) with a key derived from the spent refresh token and the
// client secret, so Redis never holds a readable token and only a holder of the spent one can open it.

import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ConfigurationError } from '../errors.js';
import { sleep } from '../retry.js';
import { urlWithoutPassword } from '../secrets.js';
import type { TokenSet } from './oauth.js';

export interface RotationLedgerOptions {
  redisUrl: string;
  clientId: string;
  clientSecret: string;
  /** How long a worker may hold the lock for one refresh: the token request's timeout plus a margin. */
  lockMs: number;
  log?: (line: string) => void;
}

/** How long a successor stays readable: far longer than a worker sleeps between refreshes (tokens live 2 hours). */
const recordTtlMs = 30 * 24 * 3_600_000;
const pollMs = 50;
/** Records followed at most in one go; a longer chain means rotations faster than anyone can follow. */
const maxHops = 100;
const prefix = 'salesloft-connector:oauth';

// KEYS[1] the lock; ARGV[1] its owner. Deletes the lock only if this worker still holds it.
const releaseScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;


/** A name for a refresh token that reveals nothing of it. */
const idOf = (clientId: string, refreshToken: string): string => createHash('sha256').update(`${clientId}\0${refreshToken}`).digest('hex').slice(0, 40);

export class RotationLedger {
  private warned = false;

  constructor(private readonly options: RotationLedgerOptions) {}

  /**
   * The pair that follows `refreshToken`: recorded by another worker, or got by `refresh` under the
   * lock when nobody has spent it yet. `adopted` says the pair came from another worker. Without Redis
   * the refresh is made alone, after one log line.
   */
  async rotate(refreshToken: string, refresh: () => Promise<TokenSet>): Promise<{ tokens: TokenSet; adopted: boolean }> {
    const redis = await this.connect();
    if (!redis) return { tokens: await refresh(), adopted: false };
    const id = idOf(this.options.clientId, refreshToken);
    const recordKey = `${prefix}:next:${id}`;
    const lockKey = `${prefix}:lock:${id}`;
    const owner = randomBytes(16).toString('hex');
    let holding = false;
    try {
      for (;;) {
        const recorded = await redis.get(recordKey);
        if (recorded) return { tokens: await this.newest(redis, this.open(recorded, refreshToken)), adopted: true };
        if ((await redis.set(lockKey, owner, 'PX', this.options.lockMs, 'NX')) === 'OK') {
          holding = true;
          // Recorded between the read and the lock by a worker that has just let the lock go.
          const raced = await redis.get(recordKey);
          if (raced) return { tokens: await this.newest(redis, this.open(raced, refreshToken)), adopted: true };
          const tokens = await refresh();
          // The token is spent now: a failed write must not lose the new pair, only the others' chance to adopt it.
          await redis.set(recordKey, this.seal(tokens, refreshToken), 'PX', recordTtlMs).catch((error: Error) => this.warn(error.message));
          return { tokens, adopted: false };
        }
        // Another worker is spending this token: its lock expires if it dies, and then this one takes it.
        await sleep(pollMs);
      }
    } catch (error) {
      if (holding || !isRedisFailure(error)) throw error;
      this.warn((error as Error).message);
      return { tokens: await refresh(), adopted: false };
    } finally {
      if (holding) await redis.eval(releaseScript, 1, lockKey, owner).catch(() => undefined);
      redis.disconnect();
    }
  }

  /** The last pair of the records that follow `tokens` (a worker that slept through several rotations). */
  private async newest(redis: Redis, tokens: TokenSet): Promise<TokenSet> {
    for (let hops = 0; hops < maxHops && tokens.refreshToken; hops += 1) {
      const next = await redis.get(`${prefix}:next:${idOf(this.options.clientId, tokens.refreshToken)}`);
      if (!next) break;
      tokens = this.open(next, tokens.refreshToken);
    }
    return tokens;
  }

  /** A connection for one rotation (they come hours apart), or undefined after saying once that Redis is unreachable. */
  private async connect(): Promise<Redis | undefined> {
    const { Redis } = await import('ioredis');
    const redis = new Redis(this.options.redisUrl, { connectTimeout: 2000, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
    redis.on('error', () => undefined); // reported once below
    try {
      await redis.connect();
      return redis;
    } catch (error) {
      redis.disconnect();
      this.warn((error as Error & { code?: string }).code ?? (error as Error).message);
      return undefined;
    }
  }

  private warn(reason: string): void {
    if (this.warned) return;
    this.warned = true;
    (this.options.log ?? ((line: string) => process.stderr.write(`${line}\n`)))(
      `The OAuth rotation ledger in Redis (${urlWithoutPassword(this.options.redisUrl)}) is unreachable (${reason}): this process refreshes alone, and a worker refreshing the same token at the same time may revoke it.`,
    );
  }

  private keyFor(refreshToken: string, salt: Buffer): Buffer {
    return Buffer.from(hkdfSync('sha256', `${this.options.clientSecret}\0${refreshToken}`, salt, 'salesloft-connector rotation ledger', 32));
  }

  private seal(tokens: TokenSet, refreshToken: string): string {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyFor(refreshToken, salt), iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
    return Buffer.concat([salt, iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  private open(record: string, refreshToken: string): TokenSet {
    const bytes = Buffer.from(record, 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.keyFor(refreshToken, bytes.subarray(0, 16)), bytes.subarray(16, 28));
      decipher.setAuthTag(bytes.subarray(28, 44));
      return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(44)), decipher.final()]).toString('utf8')) as TokenSet;
    } catch {
      throw new ConfigurationError(
        'Another worker spent this refresh token, but the new tokens it recorded in Redis cannot be opened with this client secret: give every worker of this app the same client secret, or re-authorise. Nothing was sent to the API.',
      );
    }
  }
}

/** Errors of the Redis connection, as opposed to the refresh's own (an OAuthError, a NetworkError). */
const isRedisFailure = (error: unknown): boolean => {
  const name = (error as Error)?.name ?? '';
  const message = (error as Error)?.message ?? '';
  return /Redis|MaxRetriesPerRequest|Connection is closed|Stream isn't writeable/i.test(`${name} ${message}`);
};
