// `salesloft-connector listen`: a local webhook receiver. It optionally subscribes itself for the given
// event types, verifies every delivery (parseWebhook) and prints each event as one JSON line on stdout;
// SIGINT/SIGTERM unsubscribes what it subscribed, then it exits.

import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CliIO } from './cli.js';
import { exitCodeOf, failureText, untilStopped, withConnector } from './cli-args.js';
import { registerSecret } from './secrets.js';
import { isWebhookEventName, WEBHOOK_EVENT_TYPES } from './webhook-events.js';
import { webhookHandler } from './webhooks.js';

export const LISTEN_USAGE = `Usage: salesloft-connector listen [--port N] [--host H] [--event TYPE ...] [--public-url URL]
                                [--callback-token T] [--base-url URL]

Starts a local webhook receiver; prints each verified delivery as one JSON line {event_type, data}.
  --port N            port to listen on (default 0: a free one)
  --host H            interface to bind (default 127.0.0.1)
  --event TYPE        subscribe the receiver to this event type (repeatable), e.g. person_created;
                      Ctrl-C deletes these subscriptions again
  --public-url URL    the URL SalesLoft should call (a tunnel to this receiver); default: its loopback
                      URL, which only the sandbox can reach
  --callback-token T  the token deliveries are signed with (default SALESLOFT_CALLBACK_TOKEN, else a
                      random one when subscribing)
  --base-url URL      the API to subscribe with (default SALESLOFT_BASE_URL, e.g. the sandbox's URL)
The access token for subscribing comes from SALESLOFT_ACCESS_TOKEN. Status lines go to stderr.`;

interface ListenArgs {
  port: number;
  host: string;
  events: string[];
  publicUrl?: string;
  callbackToken?: string;
  baseUrl?: string;
}

const parseArgs = (args: string[]): ListenArgs => {
  const parsed: ListenArgs = { port: 0, host: '127.0.0.1', events: [] };
  for (let i = 0; i < args.length; i++) {
    const name = args[i];
    const value = (): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value.`);
      return next;
    };
    if (name === '--port') {
      const text = value();
      const port = Number(text);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, got ${text}.`);
      parsed.port = port;
    } else if (name === '--host') parsed.host = value();
    else if (name === '--event') parsed.events.push(value());
    else if (name === '--public-url') parsed.publicUrl = value();
    else if (name === '--callback-token') parsed.callbackToken = value();
    else if (name === '--base-url') parsed.baseUrl = value();
    else throw new Error(`Unknown option ${JSON.stringify(name)} for listen.\n${LISTEN_USAGE}`);
  }
  const unknown = parsed.events.filter((event) => !isWebhookEventName(event));
  if (unknown.length > 0) {
    throw new Error(`--event ${unknown.join(', ')}: not a SalesLoft event type. Known: ${WEBHOOK_EVENT_TYPES.map(({ eventType }) => eventType).join(', ')}.`);
  }
  if (parsed.publicUrl !== undefined && !/^https?:\/\/[^\s/?#]+/.test(parsed.publicUrl)) throw new Error(`--public-url must be an http(s) URL, got ${parsed.publicUrl}.`);
  return parsed;
};

/** Runs `listen` until SIGINT, SIGTERM or `stop` aborts; resolves to the exit code. */
export const runListen = async (args: string[], io: CliIO, stop?: AbortSignal): Promise<number> => {
  if (args.includes('--help')) {
    io.out(LISTEN_USAGE);
    return 0;
  }
  let options: ListenArgs;
  try {
    options = parseArgs(args);
  } catch (error) {
    io.err(`error: ${(error as Error).message}`);
    return 2;
  }
  const callbackToken = options.callbackToken ?? io.env.SALESLOFT_CALLBACK_TOKEN ?? (options.events.length > 0 ? randomBytes(24).toString('hex') : undefined);
  if (!callbackToken) {
    io.err('error: listen needs the callback token deliveries are signed with: give --event TYPE to subscribe (a token is generated), or --callback-token / SALESLOFT_CALLBACK_TOKEN for existing subscriptions.');
    return 2;
  }
  registerSecret(callbackToken); // SalesLoft may echo it in an error about the subscription

  const server = createServer(
    webhookHandler({
      callbackToken,
      onEvent: (event) => io.out(JSON.stringify(event)),
      onRejected: (error) => io.err(`rejected a delivery: ${error.message}`),
    }),
  );
  server.listen(options.port, options.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    io.err(`error: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
    return 1;
  }
  const { port } = server.address() as AddressInfo;
  const localUrl = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`;
  io.err(`listening for SalesLoft webhooks on ${localUrl}`);

  const closeServer = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return withConnector({ baseUrl: options.baseUrl, env: io.env }, async (connector) => {
    const subscribed: number[] = [];
    const unsubscribe = async (): Promise<void> => {
      for (const id of subscribed.splice(0)) {
        try {
          await connector.run('delete_webhook_subscription', { webhook_subscription_id: id });
          io.err(`unsubscribed subscription ${id}`);
        } catch (error) {
          io.err(`could not delete subscription ${id}: ${(error as Error).message} Delete it with run delete_webhook_subscription.`);
        }
      }
    };

    try {
      const callbackUrl = options.publicUrl ?? localUrl;
      for (const eventType of options.events) {
        const { data } = await connector.run('create_webhook_subscription', { fields: { callback_url: callbackUrl, callback_token: callbackToken, event_type: eventType } });
        subscribed.push(Number(data.id));
        io.err(`subscribed to ${eventType} (subscription ${String(data.id)}) at ${callbackUrl}`);
      }
    } catch (error) {
      io.err(failureText(error));
      await unsubscribe();
      await closeServer();
      return exitCodeOf(error);
    }

    io.err('ready: each verified delivery is printed as one JSON line; Ctrl-C stops (and unsubscribes).');
    await untilStopped(stop);
    await unsubscribe();
    await closeServer();
    return 0;
  });
};
