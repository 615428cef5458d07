// The playground's loopback server: the page bundle, the manifest, and runs of operations and DDLs
// through the connector's programmatic API. Runs go to an embedded sandbox, or to SalesLoft when a
// token is configured; the token stays here: replies are scrubbed of it and requests show it redacted.

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { failureText } from '../connector/cli-args.js';
import { ApiError, ConnectorError, InputError } from '../connector/errors.js';
import { buildManifest } from '../connector/manifest.js';
import { playgroundPageFolder } from '../connector/paths.js';
import { loadRegistry, type Registry } from '../connector/registry.js';
import { createConnector, defaultBaseUrl } from '../connector/runner.js';
import { maskSecretFields, redact, registerSecret } from '../connector/secrets.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import type { ManifestReply, PlaygroundOperation, RunFailure, RunReply, RunRequest, Schema, SentRequest } from './protocol.js';

export interface PlaygroundOptions {
  /** Default 0: a free port. The server only ever listens on 127.0.0.1. */
  port?: number;
  /** Where SALESLOFT_ACCESS_TOKEN and SALESLOFT_BASE_URL are read. Default process.env. */
  env?: Record<string, string | undefined>;
}

export interface Playground {
  url: string;
  target: ManifestReply['target'];
  close(): Promise<void>;
}

const staticFiles: Record<string, { file: string; type: string }> = {
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

const pageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SalesLoft connector playground</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<div id="root"></div>
<script src="/app.js"></script>
</body>
</html>
`;

/** What SalesLoft names a resource in its paths, for the page's groups (calls, people, bulk_jobs...). */
const resourceOf = (operation: { name: string; path?: string; resource?: string }): string => {
  if (operation.resource) return operation.resource;
  const segment = /^\/v2\/(?:activities\/)?([a-z_]+)/.exec(operation.path ?? '')?.[1];
  if (segment === 'person_upserts') return 'people';
  if (segment) return segment;
  return operation.name === 'raw_http_request' ? 'raw requests' : 'other lists';
};

const redactAuthorization = (request: Sandbox['requests'][number]): SentRequest => ({
  method: request.method,
  path: request.path,
  query: request.query,
  body: request.body,
  ...(request.authorization !== undefined ? { authorization: request.authorization.replace(/^(\S+\s+).*$/, '$1[redacted]') } : {}),
});

/** Problems a form can mark: the InputError's own, or SalesLoft's field errors placed on the field they name. */
const problemsOf = (error: unknown, inputSchema: Schema | undefined): RunFailure['problems'] => {
  if (error instanceof InputError) return error.problems;
  if (!(error instanceof ApiError) || !error.fieldErrors) return [];
  const properties = (inputSchema?.properties ?? {}) as Record<string, Schema>;
  const fieldProperties = (properties.fields?.properties ?? {}) as Record<string, Schema>;
  return Object.entries(error.fieldErrors).map(([field, messages]) => ({
    path: field in fieldProperties ? `fields.${field}` : field in properties ? field : '',
    message: messages.join(', '),
  }));
};

/** The failure as the CLI words it, with the fields it names. */
const failureOf = (error: unknown, inputSchema: Schema | undefined): RunFailure => ({
  kind: error instanceof ConnectorError ? error.kind : 'unexpected',
  message: failureText(error),
  problems: problemsOf(error, inputSchema),
  ...(error instanceof ApiError ? { status: error.status } : {}),
});

class RequestRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const readJsonBody = async (request: IncomingMessage): Promise<RunRequest> => {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    throw new RequestRefusal(415, 'Send the run as JSON (content-type: application/json).');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 5_000_000) throw new RequestRefusal(413, 'The run request is larger than 5 MB.');
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestRefusal(400, 'The run request is not valid JSON.');
  }
  const { operation, input } = (parsed ?? {}) as Partial<RunRequest>;
  if (typeof operation !== 'string' || !input || typeof input !== 'object' || Array.isArray(input)) {
    throw new RequestRefusal(400, 'Send {"operation": "<name>", "input": {...}}.');
  }
  return { operation, input };
};

export const startPlayground = async (options: PlaygroundOptions = {}): Promise<Playground> => {
  const env = options.env ?? process.env;
  const token = env.SALESLOFT_ACCESS_TOKEN || undefined;
  registerSecret(token);
  const registry: Registry = await loadRegistry();
  const manifest = buildManifest(registry);
  const sandbox = token ? undefined : await startSandbox();
  const target: ManifestReply['target'] = sandbox ? { kind: 'sandbox', baseUrl: sandbox.url } : { kind: 'salesloft', baseUrl: env.SALESLOFT_BASE_URL || defaultBaseUrl };
  const operations: PlaygroundOperation[] = manifest.operations.map((operation) => ({
    name: operation.name,
    title: operation.title,
    description: operation.description,
    type: operation.type,
    method: operation.method,
    path: operation.path,
    resource: resourceOf(operation),
    input_schema: operation.input_schema,
  }));
  const inputSchemaOf = (name: string): Schema | undefined => operations.find((operation) => operation.name === name)?.input_schema;
  const manifestText = JSON.stringify({ target, operations } satisfies ManifestReply);
  // The embedded sandbox records every request it receives; runs go one at a time so that the ones
  // recorded during a run are that run's own.
  const sandboxToken = randomBytes(16).toString('hex');
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const runOnce = async ({ operation, input }: RunRequest): Promise<RunReply> => {
    const { access_token: _ignored, ...given } = input;
    void _ignored;
    const log: string[] = [];
    const connector = createConnector({ baseUrl: target.baseUrl, accessToken: sandbox ? sandboxToken : token, env: {}, log: (line) => log.push(line) });
    // The sandbox's log is bounded (its oldest entries drop off), so the run's requests are those after the last one before it.
    const before = sandbox?.requests.at(-1);
    const sent = (): SentRequest[] => (sandbox ? sandbox.requests.slice(before ? sandbox.requests.lastIndexOf(before) + 1 : 0).map(redactAuthorization) : []);
    try {
      const output = await connector.runByName(operation, given);
      return { requests: sent(), log, output: maskSecretFields(output) };
    } catch (error) {
      return { requests: sent(), log, error: failureOf(error, inputSchemaOf(operation)) };
    }
  };
  const run = (request: RunRequest): Promise<RunReply> => (sandbox ? oneAtATime(() => runOnce(request)) : runOnce(request));

  /** The page, its bundle and the manifest come from files and schemas, never from a token. */
  const reply = (response: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void => {
    response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    response.end(body);
  };
  /** Replies built from a run: the connector registers every token it is given, and the page must never see one. */
  const replyRedacted = (response: ServerResponse, status: number, body: string): void => reply(response, status, redact(body));

  let port = 0;
  /** Only this server's own page may call it: other sites (and DNS rebinding) must not run operations with the token. */
  const fromOwnPage = (request: IncomingMessage): boolean => {
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const origin = request.headers.origin;
    return hosts.includes(request.headers.host ?? '') && (origin === undefined || hosts.some((host) => origin === `http://${host}`));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!fromOwnPage(request)) throw new RequestRefusal(403, 'The playground answers only its own page on 127.0.0.1.');
    const path = new URL(request.url ?? '/', 'http://playground.local').pathname;
    if (request.method === 'GET' && path === '/') return reply(response, 200, pageHtml, 'text/html; charset=utf-8');
    if (request.method === 'GET' && path === '/api/manifest') return reply(response, 200, manifestText);
    if (request.method === 'GET' && staticFiles[path]) {
      const file = join(playgroundPageFolder, staticFiles[path].file);
      if (!existsSync(file)) throw new RequestRefusal(500, `The page bundle ${file} is missing: run \`npm run build\`.`);
      return reply(response, 200, readFileSync(file, 'utf8'), staticFiles[path].type);
    }
    if (request.method === 'POST' && path === '/api/run') return replyRedacted(response, 200, JSON.stringify(await run(await readJsonBody(request))));
    if (request.method === 'POST' && path === '/api/ddl') {
      const body = await readJsonBody(request);
      if (registry.get(body.operation)?.operation.kind !== 'ddl') throw new RequestRefusal(400, `${body.operation} is not a dropdown list (DDL) operation.`);
      return replyRedacted(response, 200, JSON.stringify(await run(body)));
    }
    throw new RequestRefusal(404, `No ${request.method} ${path} here: the page is at /.`);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof RequestRefusal ? error.status : 500;
      if (!response.headersSent) replyRedacted(response, status, JSON.stringify({ error: { kind: 'playground', message: `error: ${(error as Error).message}`, problems: [] } }));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await sandbox?.close(); // a port in use: the embedded sandbox must not keep the process alive
    throw error;
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    target,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await sandbox?.close();
    },
  };
};
