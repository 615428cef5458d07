// Where the Bearer token comes from under OAuth: SalesLoft's access tokens live 2 hours and its
// refresh tokens are single-use and rotate. A session refreshes ahead of expiry (and once after a
// 401), keeps exactly one refresh in flight per credentials, and hands every new token pair to
// onTokens (awaited) before using it, so the caller has stored the rotated refresh token first.
// Across processes (workers of a platform), a Redis URL adds the rotation ledger: one worker spends a
// refresh token and the others adopt the pair it got (connector/auth/rotation-ledger.ts).
// Token requests are oauth4webapi's; the token endpoint is the only origin besides the API.

import { createHash } from 'node:crypto';
import type * as OAuth4 from 'oauth4webapi';
import { ConfigurationError, NetworkError } from '../errors.js';
import { registerSecret } from '../secrets.js';
import { OAuthError } from './errors.js';
import { RotationLedger } from './rotation-ledger.js';

export const defaultTokenUrl = 'https://accounts.salesloft.com/oauth/token';
export const defaultAuthorizeUrl = 'https://accounts.salesloft.com/oauth/authorize';

export interface TokenSet {
  accessToken: string;
  /** Absent for the client-credentials grant, which issues none. */
  refreshToken?: string;
  /** When the access token expires, in ms since the epoch. */
  expiresAt: number;
}

export interface OAuthOptions {
  clientId: string;
  clientSecret: string;
  /** The newest refresh token; without one the client-credentials grant is used (private apps). */
  refreshToken?: string;
  accessToken?: string;
  /** When accessToken expires: ms since the epoch, a Date or an ISO date-time. Unknown means "refresh first". */
  expiresAt?: number | Date | string;
  /**
   * Receives every new token pair and is awaited before the new access token is used: persist the refresh
   * token here. With a Redis URL, a pair another worker got is handed over too (the same pair to store).
   */
  onTokens?: (tokens: TokenSet) => void | Promise<void>;
  /** Default SALESLOFT_TOKEN_URL, else https://accounts.salesloft.com/oauth/token. */
  tokenUrl?: string;
  /** Refresh this long before expiry. Default 5 minutes (at most half the token's lifetime). */
  refreshAheadMs?: number;
  /** Per token request. Default 30 s. */
  timeoutMs?: number;
}

interface Endpoint {
  oauth: typeof OAuth4;
  as: OAuth4.AuthorizationServer;
  client: OAuth4.Client;
  auth: OAuth4.ClientAuth;
  options: OAuth4.TokenEndpointRequestOptions;
  path: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The token endpoint's URL; plain http only on loopback (the sandbox). */
const tokenEndpointUrl = (tokenUrl: string): URL => {
  let url: URL;
  try {
    url = new URL(tokenUrl);
  } catch {
    throw new ConfigurationError(`The OAuth token URL ${JSON.stringify(tokenUrl)} is not a URL: give one like ${defaultTokenUrl}.`);
  }
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) {
    throw new ConfigurationError(`The OAuth token URL ${url.origin} is plain http: tokens and the client secret travel only over https (http is allowed for a loopback sandbox).`);
  }
  return url;
};

/** The token endpoint as oauth4webapi wants it (loaded only when a token is requested). */
const endpointFor = async (tokenUrl: string, clientId: string, clientSecret: string, timeoutMs: number): Promise<Endpoint> => {
  const oauth = await import('oauth4webapi');
  const url = tokenEndpointUrl(tokenUrl);
  const insecure = url.protocol === 'http:';
  return {
    oauth,
    as: { issuer: url.origin, token_endpoint: url.href },
    client: { client_id: clientId },
    auth: oauth.ClientSecretPost(clientSecret),
    options: { [oauth.allowInsecureRequests]: insecure, signal: AbortSignal.timeout(timeoutMs) },
    path: url.pathname,
  };
};

const toTokenSet = (response: OAuth4.TokenEndpointResponse, previousRefreshToken?: string): TokenSet => ({
  accessToken: response.access_token,
  refreshToken: response.refresh_token ?? previousRefreshToken,
  expiresAt: Date.now() + (response.expires_in ?? 7200) * 1000,
});

/** Sends one token request and reads its answer, turning OAuth and network failures into connector errors. */
const requestTokens = async (
  endpoint: Endpoint,
  send: (endpoint: Endpoint) => Promise<Response>,
  read: (endpoint: Endpoint, response: Response) => Promise<OAuth4.TokenEndpointResponse>,
): Promise<OAuth4.TokenEndpointResponse> => {
  let response: Response;
  try {
    response = await send(endpoint);
  } catch (error) {
    const { name, cause } = error as Error & { cause?: { code?: string } };
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    throw new NetworkError({
      method: 'POST',
      path: endpoint.path,
      code: cause?.code ?? (timedOut ? 'ETIMEDOUT' : 'ERR_NETWORK'),
      attempts: 1,
      timedOut,
      outcome: 'unknown',
      hint: "SalesLoft's token endpoint did not answer: if it rotated the refresh token meanwhile, the one held is spent; run again, and re-authorise if SalesLoft answers invalid_grant.",
    });
  }
  try {
    const tokens = await read(endpoint, response);
    registerSecret(tokens.access_token);
    registerSecret(tokens.refresh_token);
    return tokens;
  } catch (error) {
    if (error instanceof endpoint.oauth.ResponseBodyError) throw new OAuthError(error.error, error.status, error.error_description);
    throw new OAuthError('invalid_response', response.status, (error as Error).message);
  }
};

const asEpochMs = (value: OAuthOptions['expiresAt']): number => {
  if (value === undefined) return 0;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  return Number.isFinite(ms) ? ms : 0;
};

export interface SessionSharing {
  /** redis:// URL of the store the workers share (the connector's redisUrl or SALESLOFT_REDIS_URL). */
  redisUrl?: string;
  log?: (line: string) => void;
}

/** Pairs followed in a row before giving up on finding a fresh one (another worker refreshing each time). */
const maxHops = 10;

export class OAuthSession {
  private tokens?: TokenSet;
  private refreshToken?: string;
  private inFlight?: Promise<TokenSet>;
  private readonly tokenUrl: string;
  private refreshAheadMs: number;
  private readonly ledger?: RotationLedger;
  /** Token requests made by this session (refresh and client-credentials grants). */
  grants = 0;

  constructor(
    private readonly options: OAuthOptions,
    env: Record<string, string | undefined> = process.env,
    sharing: SessionSharing = {},
  ) {
    if (!options.clientId || !options.clientSecret) throw new ConfigurationError('OAuth needs clientId and clientSecret (SalesLoft: Your Applications).');
    this.tokenUrl = options.tokenUrl ?? env.SALESLOFT_TOKEN_URL ?? defaultTokenUrl;
    tokenEndpointUrl(this.tokenUrl);
    for (const secret of [options.clientSecret, options.refreshToken, options.accessToken]) registerSecret(secret);
    this.refreshToken = options.refreshToken;
    this.refreshAheadMs = options.refreshAheadMs ?? 300_000;
    if (options.accessToken) this.tokens = { accessToken: options.accessToken, refreshToken: options.refreshToken, expiresAt: asEpochMs(options.expiresAt) };
    if (sharing.redisUrl) {
      const lockMs = (options.timeoutMs ?? 30_000) + 5_000;
      this.ledger = new RotationLedger({ redisUrl: sharing.redisUrl, clientId: options.clientId, clientSecret: options.clientSecret, lockMs, log: sharing.log });
    }
  }

  /**
   * A valid access token: the current one, or a new one when it expires within the refresh margin. A pair
   * adopted from another worker may itself be old (this worker slept through several rotations): the
   * records are followed until a fresh one.
   */
  async accessToken(): Promise<string> {
    for (let hops = 0; ; hops += 1) {
      if (this.tokens && !this.expiresSoon(this.tokens)) return this.tokens.accessToken;
      const tokens = await this.renew();
      if (!this.expiresSoon(tokens) || hops === maxHops) return tokens.accessToken;
    }
  }

  /** SalesLoft answered 401 to `token`: a new token, unless another run already replaced it. */
  async rejected(token: string): Promise<string> {
    if (this.tokens && this.tokens.accessToken !== token) return this.tokens.accessToken;
    if (this.tokens) this.tokens = { ...this.tokens, expiresAt: 0 };
    return (await this.renew()).accessToken;
  }

  private expiresSoon(tokens: TokenSet): boolean {
    return tokens.expiresAt - Date.now() <= this.refreshAheadMs;
  }

  private renew(): Promise<TokenSet> {
    this.inFlight ??= this.grant().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async grant(): Promise<TokenSet> {
    const used = this.refreshToken;
    if (!used || !this.ledger) return this.adopt(await this.request(used));
    const { tokens, adopted } = await this.ledger.rotate(used, () => this.request(used));
    if (adopted) {
      registerSecret(tokens.accessToken);
      registerSecret(tokens.refreshToken);
    }
    return this.adopt(tokens);
  }

  /** One token request: the refresh grant with `used`, or client credentials without a refresh token. */
  private async request(used: string | undefined): Promise<TokenSet> {
    const { clientId, clientSecret, timeoutMs = 30_000 } = this.options;
    const endpoint = await endpointFor(this.tokenUrl, clientId, clientSecret, timeoutMs);
    this.grants += 1;
    const response = used
      ? await requestTokens(
          endpoint,
          (e) => e.oauth.refreshTokenGrantRequest(e.as, e.client, e.auth, used, e.options),
          (e, r) => e.oauth.processRefreshTokenResponse(e.as, e.client, r),
        )
      : await requestTokens(
          endpoint,
          (e) => e.oauth.clientCredentialsGrantRequest(e.as, e.client, e.auth, {}, e.options),
          (e, r) => e.oauth.processClientCredentialsResponse(e.as, e.client, r),
        );
    return toTokenSet(response, used);
  }

  /** Starts using a new pair: the caller stores it first (onTokens), then runs use it. */
  private async adopt(tokens: TokenSet): Promise<TokenSet> {
    this.refreshAheadMs = Math.min(this.options.refreshAheadMs ?? 300_000, Math.max(0, (tokens.expiresAt - Date.now()) / 2));
    // The old refresh token is spent now: remember the new one even if onTokens fails.
    this.refreshToken = tokens.refreshToken;
    await this.options.onTokens?.(tokens);
    this.tokens = tokens;
    return tokens;
  }
}

const sessions = new Map<string, OAuthSession>();

/**
 * The session for these credentials, shared by every connector of the process that was given the
 * same client and refresh token, so that they never refresh (and revoke each other) concurrently.
 */
export const oauthSession = (options: OAuthOptions, env?: Record<string, string | undefined>, sharing?: SessionSharing): OAuthSession => {
  const key = createHash('sha256')
    .update([options.clientId, options.clientSecret, options.refreshToken ?? '', options.tokenUrl ?? env?.SALESLOFT_TOKEN_URL ?? ''].join('\0'))
    .digest('hex');
  let session = sessions.get(key);
  if (!session) {
    session = new OAuthSession(options, env, sharing);
    sessions.set(key, session);
  }
  return session;
};

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  authorizeUrl?: string;
}

/** The URL a person opens to authorise the app (SalesLoft's authorize page, response_type=code). */
export const authorizationUrl = ({ clientId, redirectUri, state, authorizeUrl = defaultAuthorizeUrl }: AuthorizationRequest): URL => {
  const url = new URL(authorizeUrl);
  url.search = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', state }).toString();
  return url;
};

export interface CodeExchange {
  clientId: string;
  clientSecret: string;
  /** The URL SalesLoft redirected to, with code and state. */
  callbackUrl: URL;
  redirectUri: string;
  state: string;
  tokenUrl?: string;
  timeoutMs?: number;
}

/** Exchanges the authorization code of a redirect for the first token pair. */
export const exchangeAuthorizationCode = async (exchange: CodeExchange): Promise<TokenSet> => {
  registerSecret(exchange.clientSecret);
  const endpoint = await endpointFor(exchange.tokenUrl ?? defaultTokenUrl, exchange.clientId, exchange.clientSecret, exchange.timeoutMs ?? 30_000);
  const { oauth } = endpoint;
  let parameters: URLSearchParams;
  try {
    parameters = oauth.validateAuthResponse(endpoint.as, endpoint.client, exchange.callbackUrl, exchange.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) throw new OAuthError(error.error, undefined, error.error_description);
    throw new OAuthError('invalid_request', undefined, `the redirect was not a valid authorization response (${(error as Error).message})`);
  }
  const response = await requestTokens(
    endpoint,
    (e) => e.oauth.authorizationCodeGrantRequest(e.as, e.client, e.auth, parameters, exchange.redirectUri, e.oauth.nopkce, e.options),
    (e, r) => e.oauth.processAuthorizationCodeResponse(e.as, e.client, r),
  );
  return toTokenSet(response);
};
