// `salesloft-connector login`: walks a person through SalesLoft's authorization-code flow. It listens on
// a loopback redirect (http://127.0.0.1:PORT/callback, to register in the SalesLoft app), prints the
// authorize URL, exchanges the code it receives for the first token pair and saves that pair to a file
// (mode 0600). The tokens never reach stdout or stderr.

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorizationUrl, defaultAuthorizeUrl, defaultTokenUrl, exchangeAuthorizationCode } from './auth/oauth.js';
import { saveTokens } from './auth/tokens-file.js';
import { type CliIO, option, UsageError } from './cli.js';
import { ConnectorError } from './errors.js';

const page = (title: string, text: string) => `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p>`;

export const runLogin = async (args: string[], io: CliIO): Promise<number> => {
  const clientId = option(args, '--client-id') ?? io.env.SALESLOFT_CLIENT_ID;
  const clientSecret = io.env.SALESLOFT_CLIENT_SECRET;
  if (!clientId) throw new UsageError('login needs --client-id ID (or SALESLOFT_CLIENT_ID): your SalesLoft app\'s client id.');
  if (!clientSecret) throw new UsageError('login needs SALESLOFT_CLIENT_SECRET in the environment (kept off the command line, where other users could see it).');
  const port = Number(option(args, '--port') ?? 8976);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number, e.g. --port 8976.');
  const out = option(args, '--out') ?? 'salesloft-tokens.json';
  const authorizeUrl = option(args, '--authorize-url') ?? io.env.SALESLOFT_AUTHORIZE_URL ?? defaultAuthorizeUrl;
  const tokenUrl = option(args, '--token-url') ?? io.env.SALESLOFT_TOKEN_URL ?? defaultTokenUrl;
  const timeoutMs = Number(option(args, '--timeout') ?? 300) * 1000;
  const state = randomBytes(16).toString('hex');

  let finish: (outcome: { error?: unknown }) => void = () => {};
  const done = new Promise<{ error?: unknown }>((resolve) => {
    finish = resolve;
  });
  let redirectUri = '';
  const server = createServer((req, res) => {
    const callbackUrl = new URL(req.url ?? '/', redirectUri);
    if (callbackUrl.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    exchangeAuthorizationCode({ clientId, clientSecret, callbackUrl, redirectUri, state, tokenUrl }).then(
      (tokens) => {
        saveTokens(out, tokens);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Authorised', 'salesloft-connector has its tokens: you can close this tab.'));
        finish({});
      },
      (error: unknown) => {
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(page('Not authorised', 'See the terminal for what went wrong.'));
        finish({ error });
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new UsageError(`login could not listen on 127.0.0.1:${port} (${error.code}): choose another --port and register its redirect URI in the SalesLoft app.`)),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  io.err(
    [
      `1. In your SalesLoft app (Your Applications), the redirect URI must be ${redirectUri}`,
      `2. Open this address in a browser and approve the access:`,
      `   ${authorizationUrl({ clientId, redirectUri, state, authorizeUrl }).href}`,
      `Waiting up to ${timeoutMs / 1000} s for SalesLoft to redirect back...`,
    ].join('\n'),
  );
  const timer = setTimeout(() => finish({ error: new UsageError(`no redirect came back within ${timeoutMs / 1000} s: run login again (--timeout SECONDS waits longer).`) }), timeoutMs);
  const outcome = await done;
  clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (outcome.error) {
    if (outcome.error instanceof ConnectorError || outcome.error instanceof UsageError) throw outcome.error;
    throw new UsageError(`login failed: ${(outcome.error as Error).message}`);
  }
  io.err(`Authorised: the tokens are saved in ${out} (keep it private). Use them with --tokens ${out} and SALESLOFT_CLIENT_ID/SALESLOFT_CLIENT_SECRET.`);
  io.out(JSON.stringify({ saved: out }));
  return 0;
};
