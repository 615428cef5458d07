// Webhooks on the connector side: parseWebhook over raw bytes, the ready handlers for Node's http server
// and Express-style middleware, the webhook triggers in the registry and manifest, and `listen` (in
// process and as a real process against the sandbox).

import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigurationError, createConnector } from '../connector/index.js';
import { buildManifest } from '../connector/manifest.js';
import { packageRoot } from '../connector/paths.js';
import { runListen } from '../connector/cli-listen.js';
import { main } from '../connector/cli.js';
import { WEBHOOK_EVENT_TYPES } from '../connector/webhook-events.js';
import { parseWebhook, signWebhookBody, webhookHandler, webhookMiddleware, WebhookSignatureError, type MiddlewareRequest, type WebhookEvent } from '../connector/webhooks.js';
import { startSandbox } from '../sandbox/server.js';
import { registry, sample } from './support.js';

const token = 'whk-7Qx9Lm2Vt4Rz'; // random-looking: the connector redacts every 8-character piece of a callback token from errors
const body = JSON.stringify({ id: 3001, first_name: 'Olivia', email_address: 'olivia@example.com' });
const headersFor = (raw: string | Buffer, eventType = 'person_created', key = token) => ({ 'x-salesloft-event': eventType, 'x-salesloft-signature': signWebhookBody(raw, key) });

describe('parseWebhook', () => {
  test('verifies the HMAC-SHA1 hex of the raw body and returns {event_type, data}', () => {
    const expected = createHmac('sha1', token).update(body).digest('hex');
    expect(signWebhookBody(body, token)).toBe(expected);
    const event: WebhookEvent = parseWebhook(Buffer.from(body), { 'X-SalesLoft-Event': 'person_created', 'X-SalesLoft-Signature': expected.toUpperCase() }, token);
    expect(event).toEqual({ event_type: 'person_created', data: JSON.parse(body) });
    if (event.event_type === 'person_created') expect(event.data.email_address).toBe('olivia@example.com'); // typed by event type
    expect(parseWebhook(body, new Headers(headersFor(body)), token).event_type).toBe('person_created');
    expect(parseWebhook(new Uint8Array(Buffer.from(body)), headersFor(body), token).event_type).toBe('person_created');
  });

  test('checks the signature before parsing: a body that is not JSON and not signed is a signature error', () => {
    const notJson = 'not json at all';
    expect(() => parseWebhook(notJson, { ...headersFor(body) }, token)).toThrow(expect.objectContaining({ reason: 'bad_signature' }));
    expect(() => parseWebhook(notJson, headersFor(notJson), token)).toThrow(expect.objectContaining({ reason: 'not_json' }));
  });

  test.each([
    ['an unknown event type', { ...headersFor(body, 'person_exploded') }, 'unknown_event'],
    ['no event header', { 'x-salesloft-signature': signWebhookBody(body, token) }, 'missing_event'],
    ['an empty signature', { ...headersFor(body), 'x-salesloft-signature': '' }, 'missing_signature'],
  ])('refuses %s', (_, headers, reason) => {
    expect(() => parseWebhook(body, headers, token)).toThrow(expect.objectContaining({ name: 'WebhookSignatureError', kind: 'signature', reason }));
  });

  test('refuses a body over the size limit before checking it', () => {
    const big = JSON.stringify({ id: 1, padding: 'x'.repeat(2000) });
    expect(() => parseWebhook(big, headersFor(big), token, { maxBodyBytes: 1000 })).toThrow(expect.objectContaining({ reason: 'too_large', status: 413 }));
  });

  test('a parsed body or a missing token is a usage error that says what to do', () => {
    expect(() => parseWebhook(JSON.parse(body), headersFor(body), token)).toThrow(ConfigurationError);
    expect(() => parseWebhook(JSON.parse(body), headersFor(body), token)).toThrow(/raw body.*express\.raw\(\)/);
    expect(() => parseWebhook(body, headersFor(body), '')).toThrow(/callback token/);
  });
});

const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> => {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` };
};

const post = (url: string, payload: string | Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(payload);
  });

describe('webhookHandler (Node http server)', () => {
  const events: unknown[] = [];
  const rejected: string[] = [];
  let server: Server;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await listen(webhookHandler({ callbackToken: token, maxBodyBytes: 4096, onEvent: (event) => void events.push(event), onRejected: (error) => void rejected.push((error as WebhookSignatureError).reason) })));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('answers 200 to a verified delivery and hands it over', async () => {
    expect(await post(url, body, headersFor(body))).toMatchObject({ status: 200 });
    expect(events).toEqual([{ event_type: 'person_created', data: JSON.parse(body) }]);
  });

  test('answers 401 to a tampered delivery, 413 to an oversized one, and never calls onEvent for them', async () => {
    events.length = 0;
    const tampered = body.replace('Olivia', 'Olivie');
    const refused = await post(url, tampered, headersFor(body));
    expect(refused.status).toBe(401);
    expect(refused.body).not.toContain(signWebhookBody(tampered, token));
    expect((await post(url, 'x'.repeat(5000), headersFor('x'.repeat(5000)))).status).toBe(413);
    expect(events).toEqual([]);
    expect(rejected).toEqual(['bad_signature', 'too_large']);
  });
});

describe('webhookMiddleware (Express style)', () => {
  /** A minimal Express-like chain: optional body parser, the middleware, then a route or the error handler. */
  const app = (parser: ((req: MiddlewareRequest, raw: Buffer) => void) | undefined) => {
    const outcomes: Array<{ webhook?: unknown; error?: string }> = [];
    const middleware = webhookMiddleware({ callbackToken: token });
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const run = (r: MiddlewareRequest) =>
        middleware(r, res, (error?: unknown) => {
          outcomes.push(error ? { error: (error as Error).message } : { webhook: r.webhook });
          res.writeHead(error ? 500 : 204).end();
        });
      if (!parser) return run(req);
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        parser(req, Buffer.concat(chunks));
        run(req);
      });
    };
    return { handler, outcomes };
  };

  test.each([
    ['reads the raw body itself', undefined],
    ['takes the Buffer express.raw() left in req.body', (req: MiddlewareRequest, raw: Buffer) => void (req.body = raw)],
  ])('%s, verifies it and sets req.webhook', async (_, parser) => {
    const { handler, outcomes } = app(parser);
    const { server, url } = await listen(handler);
    try {
      expect((await post(url, body, headersFor(body))).status).toBe(204);
      expect((await post(url, body, { ...headersFor(body), 'x-salesloft-signature': '0'.repeat(40) })).status).toBe(401);
      expect(outcomes).toEqual([{ webhook: { event_type: 'person_created', data: JSON.parse(body) } }]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('refuses a body that express.json() already parsed, saying where to mount it', async () => {
    const { handler, outcomes } = app((req, raw) => void (req.body = JSON.parse(raw.toString())));
    const { server, url } = await listen(handler);
    try {
      expect((await post(url, body, headersFor(body))).status).toBe(500);
      expect(outcomes).toEqual([{ error: expect.stringMatching(/already parsed.*before express\.json\(\)/) }]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('webhook triggers', () => {
  const triggers = registry.all().filter(({ operation }) => operation.kind === 'trigger' && operation.delivery === 'webhook');

  test('one per SalesLoft event type, named after it, with its resource and scope', () => {
    expect(triggers.map(({ operation }) => operation.name).sort()).toEqual(WEBHOOK_EVENT_TYPES.map(({ eventType }) => eventType).sort());
    for (const { operation } of triggers) {
      const table = WEBHOOK_EVENT_TYPES.find(({ eventType }) => eventType === operation.name)!;
      expect(operation).toMatchObject({ kind: 'trigger', delivery: 'webhook', eventType: table.eventType, resource: table.resource, title: table.text });
      if (operation.kind === 'trigger') expect(operation.scope).toBe(table.scope);
    }
  });

  test('their output is {event_type, data} with the resource schema where there is one', () => {
    for (const { operation, outputSchema } of triggers) {
      const { resource } = operation as { resource: string };
      const properties = outputSchema.properties as Record<string, { const?: string; $ref?: string }>;
      expect([operation.name, properties.event_type.const]).toEqual([operation.name, operation.name]);
      if (['conversation', 'meeting', 'success'].includes(resource) || operation.name === 'link_swap') expect(properties.data.$ref).toBeUndefined();
      else expect([operation.name, properties.data.$ref]).toEqual([operation.name, `/schemas/resources/${resource}.json`]);
    }
  });

  test('the manifest lists them as webhook triggers a platform can subscribe', () => {
    const manifest = buildManifest(registry);
    const listed = manifest.operations.find((operation) => operation.name === 'person_created');
    expect(listed).toMatchObject({ type: 'trigger', delivery: 'webhook', event_type: 'person_created', resource: 'person', scope: 'people:read' });
    expect(Object.keys((listed!.input_schema.properties as object) ?? {})).toEqual(['access_token', 'callback_url', 'callback_token']);
  });

  test('describe says how a webhook trigger is delivered and the scope it needs', async () => {
    const out: string[] = [];
    expect(await main(['describe', 'task_completed'], { out: (text) => out.push(text), err: () => undefined, env: {} })).toBe(0);
    expect(out.join('\n')).toMatch(/^Task completed \(task_completed, webhook trigger\)\n[^\n]+\nDelivered by SalesLoft to webhook subscriptions of event type task_completed \(scope: tasks:read\)/);
  });

  test('running one is refused with directions, and nothing is sent', async () => {
    const connector = createConnector({ accessToken: 't', baseUrl: 'http://127.0.0.1:9', env: {}, retries: 0 });
    await expect(connector.run('person_created', sample('person_created', 'input.json'))).rejects.toThrow(/create_webhook_subscription.*parseWebhook/);
  });
});

describe('listen', () => {
  test('in process: subscribes, prints each verified delivery as one JSON line, unsubscribes when stopped', async () => {
    const sandbox = await startSandbox({ webhooks: { retryDelayMs: 10 } });
    const out: string[] = [];
    const err: string[] = [];
    const stop = new AbortController();
    let exit!: Promise<number>;
    const ready = new Promise<void>((resolve) => {
      const io = {
        out: (text: string) => out.push(text),
        err: (text: string) => {
          err.push(text);
          if (text.startsWith('ready')) resolve();
        },
        env: { SALESLOFT_ACCESS_TOKEN: 'sandbox-token' },
      };
      exit = runListen(['--event', 'person_created', '--event', 'account_created', '--base-url', sandbox.url], io, stop.signal);
    });
    try {
      await ready;
      expect(sandbox.store.list('webhook_subscriptions').map((s) => s.event_type)).toEqual(['person_created', 'account_created']);
      const connector = createConnector({ baseUrl: sandbox.url, accessToken: 'sandbox-token', env: {} });
      await connector.run('create_person', { fields: { email_address: 'listen@example.com' } });
      await connector.run('update_person', { person_id: 3001, fields: { title: 'unsubscribed event' } });
      await sandbox.webhooks.idle();
      expect(out.map((line) => JSON.parse(line))).toEqual([{ event_type: 'person_created', data: expect.objectContaining({ email_address: 'listen@example.com' }) }]);
      stop.abort();
      expect(await exit).toBe(0);
      expect(sandbox.store.list('webhook_subscriptions')).toEqual([]);
      expect(err.join('\n')).toMatch(/subscribed to person_created \(subscription 1\)[\s\S]*unsubscribed subscription 1/);
      for (const line of [...out, ...err]) expect(line).not.toContain('sandbox-token');
    } finally {
      stop.abort();
      await sandbox.close();
    }
  });

  test('usage errors exit 2 before listening', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (text: string) => void err.push(text), env: {} };
    expect(await runListen(['--event', 'person_exploded'], io)).toBe(2);
    expect(await runListen([], io)).toBe(2);
    expect(err.join('\n')).toMatch(/person_exploded: not a SalesLoft event type[\s\S]*callback token/);
  });

  test('as a real process: prints a verified person_created event after `run create_person`, and Ctrl-C unsubscribes', async () => {
    const sandbox = await startSandbox();
    const cli = join(packageRoot, 'dist', 'connector', 'cli.js');
    const env = { ...process.env, SALESLOFT_ACCESS_TOKEN: 'sandbox-token', SALESLOFT_BASE_URL: sandbox.url };
    const listener = spawn(process.execPath, [cli, 'listen', '--event', 'person_created'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const stderr = createInterface({ input: listener.stderr! });
      for await (const line of stderr) if (line.startsWith('ready')) break;
      const lines = createInterface({ input: listener.stdout! })[Symbol.asyncIterator]();
      const run = spawn(process.execPath, [cli, 'run', 'create_person', '--input', '{"fields": {"email_address": "real.process@example.com"}}'], { env, stdio: 'ignore' });
      expect((await once(run, 'exit'))[0]).toBe(0);
      const { value } = await lines.next();
      const event = JSON.parse(String(value));
      expect(event).toMatchObject({ event_type: 'person_created', data: { email_address: 'real.process@example.com' } });
      expect(sandbox.store.list('webhook_subscriptions')).toHaveLength(1);
      listener.kill('SIGINT');
      expect((await once(listener, 'exit'))[0]).toBe(0);
      expect(sandbox.store.list('webhook_subscriptions')).toEqual([]);
    } finally {
      if (listener.exitCode === null) listener.kill('SIGKILL');
      await sandbox.close();
    }
  });
});
