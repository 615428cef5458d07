// Shared test helpers: the registry, operations.tsv, samples, and a nock edge that records requests.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { InputError, type Connector } from '../connector/index.js';
import { loadRegistry, type RegisteredOperation } from '../connector/registry.js';
import { packageRoot } from '../connector/paths.js';
import { toProblems } from '../connector/schema.js';
import type { InputProblem } from '../connector/operation.js';
import { decodeQuery } from '../connector/query.js';

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
  const error = await connector.run(name, input).then(
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

/** The operations of the current API added after operations.tsv (issue 14), in the same columns. */
export const currentApiRows: TsvRow[] = operationRows('current-api-operations.tsv');

/** A real redis-server on a free loopback port, for the shared rate budget's tests (scripts/redis-server.ts). */
export { startRedis } from '../scripts/redis-server.js';
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
