// OAuth end to end against the sandbox's /oauth/token: refresh ahead of expiry and after a 401 with one
// refresh in flight, rotation handed to onTokens before use, invalid_grant for a spent refresh token,
// client credentials, and secrets kept out of errors.

import { createConnector, ConfigurationError, type Connector } from '../connector/index.js';
import { OAuthError } from '../connector/auth/errors.js';
import type { OAuthOptions, TokenSet } from '../connector/auth/oauth.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';

const clientId = 'recipes-client';
const clientSecret = 'client-secret-0123456789';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OAuth against the sandbox', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ oauth: { requireIssuedTokens: true, clients: { [clientId]: clientSecret } } });
  });
  afterEach(() => sandbox.close());

  const connectorWith = (oauth: Partial<OAuthOptions>): Connector =>
    createConnector({ baseUrl: sandbox.url, env: {}, oauth: { clientId, clientSecret, tokenUrl: `${sandbox.url}/oauth/token`, ...oauth } });
  const bearers = () => sandbox.requests.filter((request) => request.path.startsWith('/v2/')).map((request) => request.authorization);

  test('20 concurrent runs after the access token expired make one refresh, stored before the new token is used', async () => {
    const first = sandbox.oauth.issue(clientId);
    const stored: TokenSet[] = [];
    let apiRequestsWhenStored = -1;
    const connector = connectorWith({
      refreshToken: first.refresh_token,
      accessToken: first.access_token,
      expiresAt: Date.now(),
      onTokens: async (tokens) => {
        await sleep(30); // a slow store: nothing may use the new token meanwhile
        stored.push(tokens);
        apiRequestsWhenStored = bearers().length;
      },
    });
    sandbox.oauth.expire(first.access_token);
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => connector.run('get_person', { person_id: 3001 + (index % 5) })));

    expect(results.every((result) => (result as { data: { id: number } }).data.id > 0)).toBe(true);
    expect(sandbox.oauth.tokenRequests).toEqual([{ grantType: 'refresh_token', granted: true }]);
    expect(stored).toHaveLength(1);
    expect(stored[0].refreshToken).not.toBe(first.refresh_token);
    expect(apiRequestsWhenStored).toBe(0);
    expect(new Set(bearers())).toEqual(new Set([`Bearer ${stored[0].accessToken}`]));
  });

  test('runs that meet a 401 with a token thought valid refresh once, and each is sent again once', async () => {
    const first = sandbox.oauth.issue(clientId);
    const stored: TokenSet[] = [];
    // The connector is told the token lives an hour; the server ends it now (revoked, or a clock ahead of ours).
    const connector = connectorWith({ refreshToken: first.refresh_token, accessToken: first.access_token, expiresAt: Date.now() + 3_600_000, onTokens: (tokens) => void stored.push(tokens) });
    sandbox.oauth.expire(first.access_token);
    const results = await Promise.all(Array.from({ length: 20 }, () => connector.run('list_people', { per_page: 2 })));

    expect(results).toHaveLength(20);
    expect(sandbox.oauth.tokenRequests).toHaveLength(1);
    expect(bearers().filter((bearer) => bearer === `Bearer ${first.access_token}`)).toHaveLength(20);
    expect(bearers().filter((bearer) => bearer === `Bearer ${stored[0].accessToken}`)).toHaveLength(20);
  });

  test('a refresh token another worker already used fails with a clear invalid_grant error, free of secrets', async () => {
    const first = sandbox.oauth.issue(clientId);
    const otherWorker = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: first.refresh_token!, client_id: clientId, client_secret: clientSecret }),
    });
    expect(otherWorker.status).toBe(200);

    const connector = connectorWith({ refreshToken: first.refresh_token });
    const error = await connector.run('get_person', { person_id: 3001 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ kind: 'unauthorized', oauthError: 'invalid_grant', status: 400, operation: 'get_person' });
    expect((error as Error).message).toMatch(/already used or was revoked.*Re-authorise.*salesloft-connector login/s);
    const serialised = `${(error as Error).message} ${JSON.stringify(error)}`;
    for (const secret of [clientSecret, first.refresh_token!]) expect(serialised).not.toContain(secret);
    expect(bearers()).toHaveLength(0);
  });

  test('a wrong client secret is named as such, without the secret', async () => {
    const first = sandbox.oauth.issue(clientId);
    const connector = createConnector({ baseUrl: sandbox.url, env: {}, oauth: { clientId, clientSecret: 'wrong-secret-987654321', refreshToken: first.refresh_token, tokenUrl: `${sandbox.url}/oauth/token` } });
    const error = await connector.run('get_person', { person_id: 3001 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ oauthError: 'invalid_client' });
    expect((error as Error).message).toMatch(/client id or client secret is wrong/);
    expect(JSON.stringify(error)).not.toContain('wrong-secret-987654321');
  });

  test('client credentials (private apps) get a token without a refresh token, and again when it expires', async () => {
    const stored: TokenSet[] = [];
    const connector = connectorWith({ onTokens: (tokens) => void stored.push(tokens) });
    await connector.run('get_person', { person_id: 3001 });
    sandbox.oauth.expire(stored[0].accessToken);
    await connector.run('get_person', { person_id: 3002 });
    expect(sandbox.oauth.tokenRequests).toEqual([
      { grantType: 'client_credentials', granted: true },
      { grantType: 'client_credentials', granted: true },
    ]);
    expect(stored.map((tokens) => tokens.refreshToken)).toEqual([undefined, undefined]);
  });

  test('an access_token in the input is used as given, without the session', async () => {
    const issued = sandbox.oauth.issue(clientId, false);
    const connector = connectorWith({ refreshToken: 'never-used-refresh-token' });
    await connector.run('get_person', { person_id: 3001, access_token: issued.access_token });
    expect(sandbox.oauth.tokenRequests).toHaveLength(0);
  });

  test('a token endpoint over plain http off loopback is refused before anything is sent', () => {
    expect(() => createConnector({ env: {}, oauth: { clientId, clientSecret, refreshToken: 'r', tokenUrl: 'http://accounts.example.com/oauth/token' } })).toThrow(ConfigurationError);
  });
});
