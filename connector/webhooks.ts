// Receiving SalesLoft webhooks: every delivery is verified over its raw bytes before anything of it is
// parsed, then handed over as {event_type, data}. SalesLoft signs the body only: `x-salesloft-signature`
// is the hex HMAC-SHA1 of the raw body keyed with the subscription's callback_token.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigurationError, ConnectorError } from './errors.js';
import { registerSecret } from './secrets.js';
import type { Operations } from './types.generated.js';
import { isWebhookEventName, type WebhookEventName } from './webhook-events.js';

export type { WebhookEventName } from './webhook-events.js';

/** A verified delivery, typed by its event type: `data` is the record SalesLoft sent (a person for person_created...). */
export type WebhookEvent<E extends WebhookEventName = WebhookEventName> = E extends keyof Operations ? Operations[E]['output'] : never;

/** Deliveries larger than this are refused unread (SalesLoft sends one record per delivery). */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export type WebhookRejection = 'missing_signature' | 'bad_signature' | 'missing_event' | 'unknown_event' | 'too_large' | 'not_json';

const statusOf: Record<WebhookRejection, number> = {
  missing_signature: 401,
  bad_signature: 401,
  missing_event: 400,
  unknown_event: 400,
  too_large: 413,
  not_json: 400,
};

/**
 * A delivery that cannot be trusted or read. The message says what was wrong and what to check, never the
 * signature expected or received: nothing in it helps to forge one.
 */
export class WebhookSignatureError extends ConnectorError {
  readonly kind = 'signature' as const;
  /** The HTTP status a receiver answers with. */
  readonly status: number;
  constructor(
    readonly reason: WebhookRejection,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookSignatureError';
    this.status = statusOf[reason];
  }
}

/** Node's incoming headers, a Fetch `Headers`, or a plain object with any letter case. */
export type WebhookHeaders = Record<string, string | string[] | undefined> | { get(name: string): string | null };

const header = (headers: WebhookHeaders, name: string): string | undefined => {
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const plain = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(plain).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : plain[key];
  return Array.isArray(value) ? value[0] : value;
};

const toBytes = (rawBody: unknown): Buffer => {
  if (Buffer.isBuffer(rawBody)) return rawBody;
  if (rawBody instanceof Uint8Array) return Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
  throw new ConfigurationError(
    `parseWebhook needs the delivery's raw body (a Buffer or string), got ${rawBody === null ? 'null' : typeof rawBody}: a body parsed as JSON cannot be verified, because its signature is over the exact bytes SalesLoft sent. Read the raw body (express.raw(), or webhookMiddleware mounted before any body parser).`,
  );
};

/** The hex HMAC-SHA1 SalesLoft puts in x-salesloft-signature. Exported for tests and for the sandbox's deliveries. */
export const signWebhookBody = (rawBody: Buffer | string, callbackToken: string): string => createHmac('sha1', callbackToken).update(rawBody).digest('hex');

const SIGNATURE = /^[0-9a-f]{40}$/i;

/**
 * Verifies a delivery and returns `{event_type, data}`. The signature is checked (timing-safe) over the raw
 * bytes before the body is parsed; a missing or wrong signature, or a body altered by one byte, throws a
 * WebhookSignatureError. Note that SalesLoft does not sign the x-salesloft-event header: `event_type` is
 * what the header says, checked only to be a known event type.
 */
export const parseWebhook = (rawBody: Buffer | Uint8Array | string, headers: WebhookHeaders, callbackToken: string, options: { maxBodyBytes?: number } = {}): WebhookEvent => {
  if (typeof callbackToken !== 'string' || callbackToken === '') {
    throw new ConfigurationError('parseWebhook needs the callback token the subscription was created with (a non-empty string).');
  }
  registerSecret(callbackToken); // a shared secret: no error built from now on shows it
  const body = toBytes(rawBody);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BODY_BYTES;
  if (body.length > maxBodyBytes) {
    throw new WebhookSignatureError('too_large', `Webhook delivery refused: its body is ${body.length} bytes, over the ${maxBodyBytes}-byte limit (maxBodyBytes).`);
  }
  const signature = header(headers, 'x-salesloft-signature')?.trim();
  if (!signature) {
    throw new WebhookSignatureError('missing_signature', 'Webhook delivery refused: it has no x-salesloft-signature header, so it cannot be from SalesLoft. Point only SalesLoft webhook subscriptions at this receiver.');
  }
  const expected = createHmac('sha1', callbackToken).update(body).digest();
  const received = SIGNATURE.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(expected.length);
  // Compared even when the header is malformed, so that the time taken says nothing about the expected value.
  const matches = timingSafeEqual(expected, received) && SIGNATURE.test(signature);
  if (!matches) {
    throw new WebhookSignatureError(
      'bad_signature',
      'Webhook delivery refused: its x-salesloft-signature does not match its body. Either the body was changed on the way (or re-serialised: verify the raw bytes), or the callback token is not the one this subscription was created with.',
    );
  }
  const eventType = header(headers, 'x-salesloft-event')?.trim();
  if (!eventType) throw new WebhookSignatureError('missing_event', 'Webhook delivery refused: it has no x-salesloft-event header naming its event type.');
  if (!isWebhookEventName(eventType)) {
    throw new WebhookSignatureError('unknown_event', `Webhook delivery refused: x-salesloft-event names ${JSON.stringify(eventType.slice(0, 80))}, which is not a SalesLoft event type (see the list_webhook_event_types_ddl dropdown).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    throw new WebhookSignatureError('not_json', `Webhook delivery refused: its ${eventType} body is signed but is not JSON.`);
  }
  return { event_type: eventType, data } as WebhookEvent;
};

/** Reads a request's raw body, refusing (before reading it all) a body over `maxBodyBytes`. */
export const readRawBody = (request: IncomingMessage, maxBodyBytes = DEFAULT_MAX_WEBHOOK_BODY_BYTES): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const tooLarge = () => new WebhookSignatureError('too_large', `Webhook delivery refused: its body is over the ${maxBodyBytes}-byte limit (maxBodyBytes).`);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      request.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        request.off('data', onData);
        request.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

export interface WebhookHandlerOptions {
  /** The callback token the subscription(s) delivering here were created with. */
  callbackToken: string;
  /** Called with every verified delivery; SalesLoft gets a 200 once it resolves, a 500 (and retries) if it throws. */
  onEvent: (event: WebhookEvent, request: IncomingMessage) => void | Promise<void>;
  /** Called with every refused delivery (default: nothing). */
  onRejected?: (error: WebhookSignatureError | ConfigurationError, request: IncomingMessage) => void;
  maxBodyBytes?: number;
}

const answer = (response: ServerResponse, status: number, body: unknown): void => {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
};

/** Refuses a delivery that cannot be trusted or read: tells onRejected, then answers with the error's status. */
const refuse = (options: Pick<WebhookHandlerOptions, 'onRejected'>, error: WebhookSignatureError, request: IncomingMessage, response: ServerResponse): void => {
  options.onRejected?.(error, request);
  answer(response, error.status, { error: error.message });
};

const receive = async (rawBody: Buffer | string, request: IncomingMessage, response: ServerResponse, options: WebhookHandlerOptions): Promise<boolean> => {
  let event: WebhookEvent;
  try {
    event = parseWebhook(rawBody, request.headers, options.callbackToken, { maxBodyBytes: options.maxBodyBytes });
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    refuse(options, error, request, response);
    return false;
  }
  await options.onEvent(event, request);
  return true;
};

/** A request listener for Node's http server: POST deliveries are verified, then passed to `onEvent`. */
export const webhookHandler = (options: WebhookHandlerOptions) => (request: IncomingMessage, response: ServerResponse): void => {
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    answer(response, 405, { error: 'SalesLoft delivers webhooks with POST.' });
    return;
  }
  readRawBody(request, options.maxBodyBytes)
    .then(async (rawBody) => {
      if (await receive(rawBody, request, response, options)) answer(response, 200, { received: true });
    })
    .catch((error: unknown) => {
      if (error instanceof WebhookSignatureError) refuse(options, error, request, response);
      else answer(response, 500, { error: 'The webhook handler failed; SalesLoft will retry the delivery.' });
    });
};

/** The request of an Express-style framework: a body parser may already have set `body`. */
export type MiddlewareRequest = IncomingMessage & { body?: unknown; webhook?: WebhookEvent };

/**
 * Express-style middleware `(req, res, next)`. It reads the raw body itself (or takes the Buffer that
 * express.raw() left in req.body), verifies it, sets `req.webhook` and calls `onEvent` when given, then
 * `next()`. A body already parsed (express.json() mounted first) is refused: it cannot be verified.
 */
export const webhookMiddleware = (options: Omit<WebhookHandlerOptions, 'onEvent'> & { onEvent?: WebhookHandlerOptions['onEvent'] }) => {
  // The same for every request (it sets req.webhook on the request it is given): built once.
  const handlerOptions: WebhookHandlerOptions = { ...options, onEvent: async (event, req) => {
    (req as MiddlewareRequest).webhook = event;
    await options.onEvent?.(event, req);
  } };
  return (request: MiddlewareRequest, response: ServerResponse, next: (error?: unknown) => void): void => {
    const parsedAlready = request.body !== undefined && !Buffer.isBuffer(request.body) && typeof request.body !== 'string';
    if (parsedAlready) {
      const error = new ConfigurationError(
        'webhookMiddleware got a body that a body parser already parsed (req.body is an object): its signature cannot be checked. Mount webhookMiddleware before express.json() on this route, or use express.raw({type: "*/*"}).',
      );
      options.onRejected?.(error, request);
      next(error);
      return;
    }
    const body = request.body as Buffer | string | undefined;
    (body !== undefined ? Promise.resolve(body) : readRawBody(request, options.maxBodyBytes))
      .then(async (rawBody) => {
        if (await receive(rawBody, request, response, handlerOptions)) next();
      })
      .catch((error: unknown) => {
        if (error instanceof WebhookSignatureError) refuse(options, error, request, response);
        else next(error);
      });
  };
};
