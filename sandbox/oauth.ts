// SalesLoft's OAuth endpoint as the sandbox plays it: /oauth/authorize redirects straight back with a
// code (no login page), /oauth/token issues 2-hour access tokens (lifetime configurable) for the
// authorization_code, refresh_token and client_credentials grants. Refresh tokens are single-use and
// rotate: a used or revoked one answers 400 invalid_grant. Errors have the OAuth shape {error, error_description}.

import { randomBytes } from 'node:crypto';
import type { Params } from './query.js';

export interface SandboxOAuthOptions {
  /** Access-token lifetime. Default 7,200,000 ms (SalesLoft's 2 hours). */
  accessTokenLifetimeMs?: number;
  /** Answer 401 to API requests whose Bearer token this endpoint did not issue or that expired. Default false (any token). */
  requireIssuedTokens?: boolean;
  /** client_id -> client_secret of the apps it knows. Default: any client id with any non-empty secret. */
  clients?: Record<string, string>;
}

export interface IssuedTokens {
  access_token: string;
  refresh_token?: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
  created_at: number;
}

export interface OAuthAnswer {
  status: number;
  body?: unknown;
  location?: string;
}

const INVALID_GRANT =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';

const secret = (prefix: string): string => `${prefix}${randomBytes(24).toString('hex')}`;

const oauthError = (status: number, error: string, description: string): OAuthAnswer => ({ status, body: { error, error_description: description } });

export class SandboxOAuth {
  /** Every /oauth/token request, in order: its grant type and whether it was granted. */
  readonly tokenRequests: Array<{ grantType: string; granted: boolean }> = [];
  private readonly accessTokens = new Map<string, { clientId: string; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, { clientId: string; spent: boolean }>();
  private readonly codes = new Map<string, { clientId: string; redirectUri: string }>();

  constructor(private readonly options: SandboxOAuthOptions = {}) {}

  get requireIssuedTokens(): boolean {
    return this.options.requireIssuedTokens ?? false;
  }

  /** Issues a token pair directly, as if a person had authorised the app (for tests and set-up). */
  issue(clientId: string, withRefreshToken = true): IssuedTokens {
    const lifetimeMs = this.options.accessTokenLifetimeMs ?? 7_200_000;
    const access = secret('sl_at_');
    this.accessTokens.set(access, { clientId, expiresAt: Date.now() + lifetimeMs });
    const tokens: IssuedTokens = { access_token: access, token_type: 'bearer', expires_in: lifetimeMs / 1000, scope: 'default', created_at: Math.floor(Date.now() / 1000) };
    if (withRefreshToken) {
      // A new refresh token revokes the client's older ones.
      for (const grant of this.refreshTokens.values()) if (grant.clientId === clientId) grant.spent = true;
      tokens.refresh_token = secret('sl_rt_');
      this.refreshTokens.set(tokens.refresh_token, { clientId, spent: false });
    }
    return tokens;
  }

  /** Ends an access token's life now, as its lifetime would: tests reach expiry without waiting for a clock. */
  expire(accessToken: string): void {
    const issued = this.accessTokens.get(accessToken);
    if (issued) issued.expiresAt = 0;
  }

  /** Whether an API request's Bearer token is one this endpoint issued and is still valid. */
  accepts(token: string): boolean {
    const issued = this.accessTokens.get(token);
    return !!issued && issued.expiresAt > Date.now();
  }

  handle(method: string, path: string, query: Params, body: Params): OAuthAnswer {
    if (method === 'GET' && path === '/oauth/authorize') return this.authorize(query);
    if (method === 'POST' && path === '/oauth/token') return this.token({ ...query, ...body });
    return { status: 404, body: { status: 404, error: 'Not Found' } };
  }

  private authorize(query: Params): OAuthAnswer {
    const clientId = String(query.client_id ?? '');
    const redirectUri = String(query.redirect_uri ?? '');
    if (!clientId || !this.knows(clientId) || !/^https?:\/\//.test(redirectUri)) return oauthError(400, 'invalid_request', 'client_id and redirect_uri are required');
    const code = secret('sl_code_');
    this.codes.set(code, { clientId, redirectUri });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (query.state !== undefined) target.searchParams.set('state', String(query.state));
    target.searchParams.set('context', '/teams/111855');
    target.searchParams.set('scope', 'default');
    return { status: 302, location: target.href };
  }

  private knows(clientId: string, clientSecret?: string): boolean {
    const clients = this.options.clients;
    if (!clients) return clientSecret === undefined || clientSecret !== '';
    return Object.hasOwn(clients, clientId) && (clientSecret === undefined || clients[clientId] === clientSecret);
  }

  private token(params: Params): OAuthAnswer {
    const grantType = String(params.grant_type ?? '');
    const answer = this.grant(grantType, params);
    this.tokenRequests.push({ grantType, granted: answer.status === 200 });
    return answer;
  }

  private grant(grantType: string, params: Params): OAuthAnswer {
    const clientId = String(params.client_id ?? '');
    const clientSecret = String(params.client_secret ?? '');
    if (!clientId || !clientSecret || !this.knows(clientId, clientSecret)) return oauthError(401, 'invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.');
    if (grantType === 'client_credentials') return { status: 200, body: this.issue(clientId, false) };
    if (grantType === 'refresh_token') {
      const grant = this.refreshTokens.get(String(params.refresh_token ?? ''));
      if (!grant || grant.spent || grant.clientId !== clientId) return oauthError(400, 'invalid_grant', INVALID_GRANT);
      grant.spent = true;
      return { status: 200, body: this.issue(clientId) };
    }
    if (grantType === 'authorization_code') {
      const code = String(params.code ?? '');
      const issued = this.codes.get(code);
      if (!issued || issued.clientId !== clientId || issued.redirectUri !== String(params.redirect_uri ?? '')) return oauthError(400, 'invalid_grant', INVALID_GRANT);
      this.codes.delete(code);
      return { status: 200, body: this.issue(clientId) };
    }
    return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
  }
}
