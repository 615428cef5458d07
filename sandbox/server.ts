// A local HTTP server that behaves like SalesLoft API v2: Bearer auth, the per-minute cost budget with its
// headers, JSON and form bodies, Rails-style query strings, and faults on demand.

import { readFileSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, type Ctx, type Result } from './collection.js';
import { coerceFormValues, isPlainObject, parseParams, toInt, type Params } from './query.js';
import { buildRoutes, matchRoute } from './routes.js';
import { defaultSeed } from './seed.js';
import { SandboxStore, type SandboxSeed } from './store.js';
import { WebhookDispatcher, type WebhookOptions } from './webhooks.js';

export type { SandboxSeed } from './store.js';
export { SandboxStore, type SandboxRecord, type CollectionName } from './store.js';
export { defaultSeed } from './seed.js';

export interface SandboxOptions {
  port?: number; // default 0 = free port
  host?: string; // default '127.0.0.1'
  seed?: SandboxSeed | string; // a seed object, or a path to a JSON seed file; default: the built-in believable team
  rateLimit?: { budget?: number; windowMs?: number }; // default 600 per 60_000 ms
  faults?: { rate?: number; statuses?: number[]; resetRate?: number; latencyMs?: number; random?: () => number }; // default all off
  log?: (line: string) => void;
  webhooks?: WebhookOptions; // signed deliveries to subscriptions (webhooks.ts); retries 15 s apart by default
}

export interface Sandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  store: SandboxStore;
  requests: RecordedRequest[];
  webhooks: WebhookDispatcher;
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON or form-urlencoded body -> { body (as recorded), params (an object for handlers), bad (unparseable) }. */
function parseBody(raw: string, contentType: string | undefined): { body: unknown; params: Params; bad: boolean } {
  if (raw.trim() === '') return { body: undefined, params: {}, bad: false };
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) {
    const params = coerceFormValues(parseParams(raw)) as Params;
    return { body: params, params, bad: false };
  }
  try {
    const body: unknown = JSON.parse(raw);
    return { body, params: isPlainObject(body) ? body : {}, bad: false };
  } catch {
    return { body: raw, params: {}, bad: true };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const store = new SandboxStore(loadSeed(options.seed));
  const requests: RecordedRequest[] = [];
  const routes = buildRoutes();
  const limiter = new RateLimiter(options.rateLimit?.budget ?? 600, options.rateLimit?.windowMs ?? 60_000);
  const faults = options.faults ?? {};
  const random = faults.random ?? Math.random;
  const host = options.host ?? '127.0.0.1';
  let baseUrl = '';
  const webhooks = new WebhookDispatcher(store, () => baseUrl, options.webhooks, options.log);

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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number | 'reset'> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const query = parseParams(url.searchParams);
    const raw = await readBody(req);
    const { body, params: bodyParams, bad } = parseBody(raw, req.headers['content-type']);
    const authorization = req.headers.authorization;
    requests.push({ method, path: url.pathname, query, body, ...(authorization !== undefined ? { authorization } : {}) });

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
    if (bad) {
      send(res, { status: 400, body: { status: 400, error: 'Bad Request: the body is not valid JSON' } }, cost, budget.remaining);
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

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    store,
    requests,
    webhooks,
    close() {
      webhooks.close();
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
