// A token pair kept in a local file (mode 0600), as `salesloft-connector login` writes it: the CLI reads
// it for OAuth and writes every rotated pair back before using it.

import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigurationError } from '../errors.js';
import type { OAuthOptions, TokenSet } from './oauth.js';

export const saveTokens = (file: string, tokens: TokenSet): void => {
  writeFileSync(file, `${JSON.stringify({ ...tokens, expiresAt: new Date(tokens.expiresAt).toISOString() }, null, 2)}\n`, { mode: 0o600 });
};

/** OAuth options from a tokens file and SALESLOFT_CLIENT_ID / SALESLOFT_CLIENT_SECRET; rotations are saved back. */
export const oauthFromTokensFile = (file: string, env: Record<string, string | undefined>): OAuthOptions => {
  const { SALESLOFT_CLIENT_ID: clientId, SALESLOFT_CLIENT_SECRET: clientSecret } = env;
  if (!clientId || !clientSecret) throw new ConfigurationError('--tokens needs SALESLOFT_CLIENT_ID and SALESLOFT_CLIENT_SECRET in the environment (your SalesLoft app\'s credentials).');
  let saved: { accessToken?: string; refreshToken?: string; expiresAt?: string };
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as typeof saved;
  } catch (error) {
    throw new ConfigurationError(`--tokens ${file} could not be read as JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): run \`salesloft-connector login --out ${file}\` first.`);
  }
  return { clientId, clientSecret, accessToken: saved.accessToken, refreshToken: saved.refreshToken, expiresAt: saved.expiresAt, onTokens: (tokens) => saveTokens(file, tokens) };
};
