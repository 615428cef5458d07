// A local HTTP server that behaves like SalesLoft API v2: Bearer auth, the per-minute cost budget with its
// headers, JSON and form bodies, Rails-style query strings, and faults on demand.

import { readFileSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, type Ctx, type Result } from './collection.js';
import { BulkRunner, type BulkOptions } from './bulk.js';
import { coerceFormValue, excerpt, isPlainObject, jsonTooDeep, MAX_PARAM_DEPTH, ParamsError, parseParams, toInt, type Params } from './query.js';
import { addPeople } from './seed-people.js';
import { buildRoutes, matchRoute } from './routes.js';
import { defaultSeed } from './seed.js';
import { SandboxStore, type SandboxSeed } from './store.js';

export type { SandboxSeed } from './store.js';
export { SandboxStore, type SandboxRecord, type CollectionName } from './store.js';
export { defaultSeed } from './seed.js';

export interface SandboxOptions {
  port?: number; // default 0 = free port
  host?: string; // default '127.0.0.1'
  seed?: SandboxSeed | string; // a seed object, or a path to a JSON seed file; default: the built-in believable team
  rateLimit?: { budget?: number; windowMs?: number }; // default 600 per 60_000 ms
  faults?: {
    rate?: number;
    statuses?: number[];
    resetRate?: number;
    /** Share of writes (POST, PUT, DELETE) that are applied and then lose their answer: the connection is reset. */
    lostAnswerRate?: number;
    latencyMs?: number;
    random?: () => number;
  }; // default all off
  /** Largest request body accepted, in bytes (default 1 MB); a larger one is answered 413. */
  maxBodyBytes?: number;
  /** Deepest nesting of a parameter name (`a[b][c]`) or a JSON body (default 32); deeper is answered 400. */
  maxDepth?: number;
  /** The `requests` log keeps the latest `size` requests (default 10,000) and at most `bytes` of bodies (64 MB). */
  requestLog?: { size?: number; bytes?: number };
  /** Extra generated people, added to the seed's (a sandbox at scale: `people: 100_000`). */
  people?: number;
  /** Background processing of bulk jobs: records per slice (default 500) and pause between slices (default 0 ms). */
  bulk?: BulkOptions;
  log?: (line: string) => void;
}

export interface Sandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  store: SandboxStore;
  /** The latest requests received, oldest first (bounded: see SandboxOptions.requestLog). */
  requests: RecordedRequest[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  authorization?: string;
}

const NO_TOKEN = 'No Bearer Token attached to request, please see documentation at developers.salesloft.com';
const RATE_LIMITED = 'API rate limit exceeded';

/** Cost of a request: 1, more for deep pages (SalesLoft's table for page > 100). */
export function requestCost(page: unknown): number {
  const p = toInt(page) ?? 1;
  if (p <= 100) return 1;
  if (p <= 150) return 3;
  if (p <= 250) return 8;
  if (p <= 500) return 10;
  return 30;
}

/**
 * A fixed window budget, as SalesLoft's "600 cost per minute": windows are aligned on multiples of windowMs
 * (calendar minutes by default), so a client that waits for the next minute gets a fresh budget.
 */
class RateLimiter {
  private used = 0;
  private windowStart = -1;
  constructor(
    private readonly budget: number,
    private readonly windowMs: number,
  ) {}

  private roll(): void {
    const now = Date.now();
    const start = now - (now % this.windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.used = 0;
    }
  }

  remaining(): number {
    this.roll();
    return Math.max(0, this.budget - this.used);
  }

  take(cost: number): { allowed: boolean; remaining: number } {
    this.roll();
    if (this.used + cost > this.budget) return { allowed: false, remaining: Math.max(0, this.budget - this.used) };
    this.used += cost;
    return { allowed: true, remaining: this.budget - this.used };
  }
}

function loadSeed(seed: SandboxSeed | string | undefined): SandboxSeed {
  if (seed === undefined) return structuredClone(defaultSeed);
  if (typeof seed !== 'string') return structuredClone(seed);
  const parsed: unknown = JSON.parse(readFileSync(seed, 'utf8'));
  if (!isPlainObject(parsed)) throw new Error(`Seed file ${seed} must hold a JSON object`);
  return parsed as SandboxSeed;
}

const MB = 1024 * 1024;

type BodyRead = { text: string } | { tooLarge: number };

/** The body as text, or the size it reached when it passed `limit` (the rest is discarded, never buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve({ tooLarge: declared });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else {
        req.off('data', onData);
        chunks.length = 0;
        resolve({ tooLarge: size });
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

/** JSON or form-urlencoded body -> { body (as recorded), params (an object for handlers), bad (why it cannot be read) }. */
function parseBody(raw: string, contentType: string | undefined, maxDepth: number): { body: unknown; params: Params; bad?: string } {
  if (raw.trim() === '') return { body: undefined, params: {} };
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) {
    try {
      const params = parseParams(raw, maxDepth, coerceFormValue);
      return { body: params, params };
    } catch (e) {
      if (!(e instanceof ParamsError)) throw e;
      return { body: excerpt(raw, 200), params: {}, bad: `Bad Request: ${e.message}` };
    }
  }
  if (jsonTooDeep(raw, maxDepth)) return { body: excerpt(raw, 200), params: {}, bad: `Bad Request: the JSON body is nested more than ${maxDepth} levels deep` };
  try {
    const body: unknown = JSON.parse(raw);
    return { body, params: isPlainObject(body) ? body : {} };
  } catch {
    return { body: raw, params: {}, bad: 'Bad Request: the body is not valid JSON' };
  }
}

/** The `requests` log: the latest requests, bounded in count and in recorded body bytes. */
class RequestLog {
  readonly entries: RecordedRequest[] = [];
  private sizes: number[] = [];
  private bytes = 0;
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  add(entry: RecordedRequest, bodyBytes: number): void {
    this.entries.push(entry);
    this.sizes.push(bodyBytes);
    this.bytes += bodyBytes;
    while (this.entries.length > this.maxEntries || (this.bytes > this.maxBytes && this.entries.length > 1)) {
      this.entries.shift();
      this.bytes -= this.sizes.shift()!;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const store = new SandboxStore(loadSeed(options.seed));
  if (options.people) addPeople(store, options.people);
  const log = new RequestLog(options.requestLog?.size ?? 10_000, options.requestLog?.bytes ?? 64 * MB);
  const requests = log.entries;
  const routes = buildRoutes();
  const limiter = new RateLimiter(options.rateLimit?.budget ?? 600, options.rateLimit?.windowMs ?? 60_000);
  const faults = options.faults ?? {};
  const random = faults.random ?? Math.random;
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? MB;
  const maxDepth = options.maxDepth ?? MAX_PARAM_DEPTH;
  const bulk = new BulkRunner(store, options.bulk);
  let baseUrl = '';

  function send(res: ServerResponse, result: Result, cost: number, remaining: number): void {
    const headers: Record<string, string | number> = {
      'x-ratelimit-endpoint-cost': cost,
      'x-ratelimit-remaining-minute': remaining,
    };
    if (result.status === 204 || result.body === undefined) {
      res.writeHead(result.status, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(result.body);
    res.writeHead(result.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  /**
   * Answers a body past the limit at once. The rest of the body is discarded as it arrives (never buffered), so the
   * client can read the answer; a client that goes on sending past 16 times the limit is disconnected.
   */
  function refuseLargeBody(req: IncomingMessage, res: ServerResponse, size: number): number {
    const error = `Request Entity Too Large: the body has ${size} bytes or more, past the ${maxBodyBytes} bytes this sandbox accepts (option maxBodyBytes); send less per request`;
    let discarded = 0;
    req.on('data', (c: Buffer) => {
      discarded += c.length;
      if (discarded > 16 * maxBodyBytes) req.socket.destroy();
    });
    send(res, { status: 413, body: { status: 413, error } }, 0, limiter.remaining());
    return 413;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number | 'reset' | 'lost'> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    let query: Params = {};
    let bad: string | undefined;
    try {
      query = parseParams(url.searchParams, maxDepth);
    } catch (e) {
      if (!(e instanceof ParamsError)) throw e;
      bad = `Bad Request: ${e.message}`;
    }
    const read = await readBody(req, maxBodyBytes);
    const authorization = req.headers.authorization;
    const record = (body: unknown, bytes: number) =>
      log.add({ method, path: url.pathname, query, body, ...(authorization !== undefined ? { authorization } : {}) }, bytes);
    if ('tooLarge' in read) {
      record(undefined, 0);
      return refuseLargeBody(req, res, read.tooLarge);
    }
    const parsed = parseBody(read.text, req.headers['content-type'], maxDepth);
    const { body, params: bodyParams } = parsed;
    bad ??= parsed.bad;
    record(body, Buffer.byteLength(read.text));

    if (faults.latencyMs && faults.latencyMs > 0) await sleep(faults.latencyMs);
    if ((faults.resetRate ?? 0) > 0 && random() < faults.resetRate!) {
      req.socket.destroy(); // connection reset, no answer
      return 'reset';
    }
    if ((faults.rate ?? 0) > 0 && random() < faults.rate!) {
      const statuses = faults.statuses && faults.statuses.length > 0 ? faults.statuses : [500, 503, 429];
      const status = statuses[Math.min(statuses.length - 1, Math.floor(random() * statuses.length))]!;
      const error = status === 429 ? RATE_LIMITED : (STATUS_CODES[status] ?? 'Error');
      send(res, { status, body: status === 429 ? { error } : { status, error } }, 1, status === 429 ? 0 : limiter.remaining());
      return status;
    }

    const cost = requestCost(query.page);
    if (!url.pathname.startsWith('/v2/')) {
      send(res, { status: 404, body: { status: 404, error: 'Not Found' } }, 0, limiter.remaining());
      return 404;
    }
    if (!/^Bearer\s+\S+/i.test(authorization ?? '')) {
      send(res, { status: 401, body: { error: NO_TOKEN } }, 0, limiter.remaining());
      return 401;
    }
    const budget = limiter.take(cost);
    if (!budget.allowed) {
      send(res, { status: 429, body: { error: RATE_LIMITED } }, cost, budget.remaining);
      return 429;
    }
    if (bad !== undefined) {
      send(res, { status: 400, body: { status: 400, error: bad } }, cost, budget.remaining);
      return 400;
    }
    const found = matchRoute(routes, method, url.pathname);
    if (!found) {
      send(res, { status: 404, body: { status: 404, error: 'Not Found' } }, cost, budget.remaining);
      return 404;
    }
    const ctx: Ctx = { store, baseUrl, method, query, body: bodyParams, input: { ...bodyParams, ...query }, params: found.params };
    let result: Result;
    try {
      result = found.route.handler(ctx);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      result = { status: e.status, body: e.body };
    }
    if (method !== 'GET' && method !== 'HEAD' && result.status < 300 && (faults.lostAnswerRate ?? 0) > 0 && random() < faults.lostAnswerRate!) {
      req.socket.destroy(); // the write is applied; its answer never arrives
      return 'lost';
    }
    send(res, result, cost, budget.remaining);
    return result.status;
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    handle(req, res)
      .then((status) => options.log?.(`${req.method ?? ''} ${(req.url ?? '').split('?')[0]} ${status} ${Date.now() - started}ms`))
      .catch((e: unknown) => {
        options.log?.(`${req.method ?? ''} ${(req.url ?? '').split('?')[0]} 500 ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) send(res, { status: 500, body: { status: 500, error: 'Internal Server Error' } }, 1, limiter.remaining());
        else res.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  bulk.resume(baseUrl);

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    store,
    requests,
    close() {
      bulk.stop();
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
