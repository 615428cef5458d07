// Shared test helpers: the registry, operations.tsv, samples, and a nock edge that records requests.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { main } from '../connector/cli.js';
import { InputError, type Connector } from '../connector/index.js';
import { loadRegistry, type RegisteredOperation } from '../connector/registry.js';
import { packageRoot } from '../connector/paths.js';
import { toProblems } from '../connector/schema.js';
import type { InputProblem } from '../connector/operation.js';
import { decodeQuery } from '../connector/query.js';
import { startRedis } from '../scripts/redis-server.js';

export const baseUrl = 'https://api.salesloft.com';
export const registry = await loadRegistry();
export const operations: RegisteredOperation[] = registry.all();
export const mainOperations = operations.filter((entry) => entry.operation.kind === 'main');
export const ddlOperations = operations.filter((entry) => entry.operation.kind === 'ddl');

export interface TsvRow {
  op: string;
  kind: 'main' | 'ddl';
  title: string;
  method: string;
  path: string;
}

/** The rows of a fixture listing operations (op, kind, title, method, path). */
const operationRows = (file: string): TsvRow[] =>
  readFileSync(join(packageRoot, 'test', 'fixtures', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [op, kind, title, method, path] = line.split('\t');
      return { op, kind: kind as 'main' | 'ddl', title, method, path };
    });
export const tsvRows: TsvRow[] = operationRows('operations.tsv');

export const sampleFile = (name: string, file: string): string => join(packageRoot, 'samples', name, file);
export const hasSample = (name: string, file: string): boolean => existsSync(sampleFile(name, file));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const sample = (name: string, file: string): any => JSON.parse(readFileSync(sampleFile(name, file), 'utf8'));

export interface SentRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Intercepts every request to the API, answers with `reply`, and records what was sent. */
export const recordRequests = (reply: (request: SentRequest) => [number, unknown?, Record<string, string>?], host = baseUrl): SentRequest[] => {
  const sent: SentRequest[] = [];
  for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
    nock(host)
      .persist()
      .intercept(/.*/, method)
      .reply(function (uri, body) {
        const request = sentRequest(method, uri, body, this.req.headers, host);
        sent.push(request);
        return reply(request) as never;
      });
  }
  return sent;
};

/** A request as nock received it, decoded the way the tests compare them. */
export const sentRequest = (method: string, uri: string, body: unknown, headers: SentRequest['headers'], host = baseUrl): SentRequest => {
  const url = new URL(uri, host);
  return {
    method,
    path: url.pathname,
    query: decodeQuery(url.searchParams),
    body: body === '' || body === undefined ? null : typeof body === 'string' ? tryJson(body) : body,
    headers,
  };
};

const tryJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export const lookupsOf = (schema: unknown, path = ''): Array<{ path: string; lookup: { operation: string; input?: Record<string, unknown> } }> => {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const own = node.lookup ? [{ path, lookup: node.lookup as { operation: string; input?: Record<string, unknown> } }] : [];
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, value]) => {
      if (key === 'lookup') return [];
      if (key === 'properties' && value && typeof value === 'object') {
        return Object.entries(value).flatMap(([prop, sub]) => lookupsOf(sub, path ? `${path}.${prop}` : prop));
      }
      return Array.isArray(value) ? value.flatMap((item) => lookupsOf(item, path)) : typeof value === 'object' ? lookupsOf(value, key === 'items' ? `${path}[]` : path) : [];
    }),
  ];
};

/**
 * The InputError an input gets, checked to name each of `paths`. Nothing can have been sent: no
 * interceptor is left and net connect is off, so a request would fail with another error.
 */
export const expectRefused = async (connector: Connector, name: string, input: Record<string, unknown>, paths: string[] = []): Promise<InputError> => {
  nock.cleanAll();
  const error = await connector.runByName(name, input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  const problemPaths = (error as InputError).problems.map((problem) => problem.path);
  for (const path of paths) expect(problemPaths).toContain(path);
  return error as InputError;
};

/** A recorded real SalesLoft response (a copy of the reference's real-responses kept with the tests). */
export const realResponse = (file: string): unknown => JSON.parse(readFileSync(join(packageRoot, 'test', 'fixtures', 'real-responses', file), 'utf8'));

/** Why a value does not validate against an operation's input or output schema ([] when it does). */
export const schemaProblems = (name: string, which: 'input' | 'output', value: unknown): InputProblem[] => {
  const validate = registry.validator(name, which);
  return validate(value) ? [] : toProblems(validate.errors ?? []);
};

/** Answers every request with `status` and `reply`; the returned function gives the one request sent, if any. */
export const answerOnce = (status: number, reply?: unknown): (() => SentRequest | undefined) => {
  const sent = recordRequests(() => (reply === undefined ? [status] : [status, reply]));
  return () => {
    expect(sent.length).toBeLessThanOrEqual(1);
    return sent[0];
  };
};

/** A sample input cut down to its required properties: enough to run any operation, no filters. */
export const requiredSampleInput = (name: string): Record<string, unknown> => {
  const required = (registry.get(name)?.inputSchema.required as string[] | undefined) ?? [];
  const input = hasSample(name, 'input.json') ? (sample(name, 'input.json') as Record<string, unknown>) : {};
  return Object.fromEntries(Object.entries(input).filter(([key]) => required.includes(key)));
};

export interface FakeRecord {
  id: number;
  updated_at: string;
  [key: string]: unknown;
}

/** Microseconds since the epoch of an ISO timestamp with any precision and offset. */
const fakeMicros = (text: string): number => {
  const [, base, fraction = '', zone = 'Z'] = /^(.{16,19})(?:\.(\d+))?(Z|[+-].*)?$/.exec(text) ?? [];
  return Date.parse(`${base}${zone}`) * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6));
};

/**
 * A SalesLoft list of `records` on every GET: honours updated_at[gt|gte|lt|lte], id[gt], sort_by=updated_at
 * with sort_direction, page and per_page (default 25; everything when the request has neither, as groups
 * and caller ids answer), with paging metadata when `pages`. Returns the requests as they arrive.
 */
export const fakeList = (records: FakeRecord[], { pages = true, headers = {} }: { pages?: boolean; headers?: Record<string, string> } = {}): SentRequest[] =>
  recordRequests(({ query }) => {
    const bound = (key: string): number | undefined => (typeof query[key] === 'string' ? fakeMicros(query[key] as string) : undefined);
    const [gt, gte, lt, lte] = ['gt', 'gte', 'lt', 'lte'].map((op) => bound(`updated_at[${op}]`));
    const afterId = query['id[gt]'] === undefined ? undefined : Number(query['id[gt]']);
    let rows = records.filter((record) => {
      const at = fakeMicros(record.updated_at);
      return (gt === undefined || at > gt) && (gte === undefined || at >= gte) && (lt === undefined || at < lt) && (lte === undefined || at <= lte) && (afterId === undefined || record.id > afterId);
    });
    if (query.sort_by === 'updated_at') {
      const sign = query.sort_direction === 'DESC' ? -1 : 1;
      rows = [...rows].sort((a, b) => sign * (fakeMicros(a.updated_at) - fakeMicros(b.updated_at) || a.id - b.id));
    }
    if (query.page === undefined && query.per_page === undefined) return [200, { data: rows }, headers];
    const perPage = Number(query.per_page ?? 25);
    const page = Number(query.page ?? 1);
    const data = rows.slice((page - 1) * perPage, page * perPage);
    const paging = { per_page: perPage, current_page: page, next_page: page * perPage < rows.length ? page + 1 : null, prev_page: page > 1 ? page - 1 : null, total_count: rows.length };
    // SalesLoft's surcharge for deep pages.
    const cost = page <= 100 ? 1 : page <= 150 ? 3 : page <= 250 ? 8 : page <= 500 ? 10 : 30;
    return [200, pages ? { metadata: { paging }, data } : { metadata: {}, data }, { 'x-ratelimit-endpoint-cost': String(cost), ...headers }];
  });
/** The machine's Chromium for the browser tests (CHROMIUM_PATH, else Debian's /usr/bin/chromium), if installed. */
export const chromiumPath: string | undefined = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((path): path is string => Boolean(path) && existsSync(path!));

/** Under CI every test must run: nothing may skip for want of a machine package. */
export const underCi = Boolean(process.env.CI) && !['false', '0'].includes(String(process.env.CI).toLowerCase());

/** What `salesloft-connector run <operation>` prints on stderr for an input that fails (against `baseUrl`). */
export const cliErrorFor = async (operation: string, input: Record<string, unknown>, baseUrl: string): Promise<string> => {
  const err: string[] = [];
  const code = await main(['run', operation, '--input', JSON.stringify(input), '--base-url', baseUrl], { out: () => undefined, err: (text) => err.push(text), env: { SALESLOFT_ACCESS_TOKEN: 'cli-token-for-comparison' } });
  expect(code).not.toBe(0);
  return err.join('\n');
};
/** The operations of the current API added after operations.tsv (issue 14), in the same columns. */
export const currentApiRows: TsvRow[] = operationRows('current-api-operations.tsv');

/**
 * A real redis-server on a free loopback port (scripts/redis-server.ts) for one test file (started before its tests, stopped after) and a client to look
 * inside it: `const redis = useRedis();` then `redis.url` and `redis.client` in the tests.
 */
export const useRedis = (): { url: string; client: import('ioredis').Redis } => {
  const handle = {} as { url: string; client: import('ioredis').Redis };
  let server: Awaited<ReturnType<typeof startRedis>>;
  beforeAll(async () => {
    server = await startRedis();
    const { Redis } = await import('ioredis');
    Object.assign(handle, { url: server.url, client: new Redis(server.url) });
  });
  afterAll(async () => {
    await handle.client.quit();
    await server.stop();
  });
  return handle;
};
export interface ReceivedDelivery {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A loopback webhook receiver that records every delivery and answers `status()` (200 unless changed). */
export const startReceiver = async (status: () => number = () => 200): Promise<{ url: string; received: ReceivedDelivery[]; close: () => Promise<void> }> => {
  const { createServer } = await import('node:http');
  const received: ReceivedDelivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
};
