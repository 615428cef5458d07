import { ConnectorError } from '../errors.js';
import { redact } from '../secrets.js';

const adviceByOAuthError: Record<string, string> = {
  invalid_grant:
    'the refresh token (or authorization code) was already used or was revoked: SalesLoft refresh tokens are single-use, so a newer one was issued and should have been stored from onTokens. Re-authorise: run `salesloft-connector login` (or your app\'s authorization flow) and store the tokens it gives.',
  invalid_client: 'the client id or client secret is wrong: check them in SalesLoft under Your Applications.',
  unauthorized_client: 'this application may not use this grant: client credentials are only for private apps.',
};

/** SalesLoft's token endpoint refused to issue a token; nothing else was sent. */
export class OAuthError extends ConnectorError {
  readonly kind = 'unauthorized' as const;
  constructor(
    readonly oauthError: string,
    readonly status: number | undefined,
    description?: string,
  ) {
    super(
      redact(`SalesLoft's token endpoint refused to issue an access token${status ? ` (${status}` : ' ('}${oauthError}${description ? `: ${description}` : ''}): ${
        adviceByOAuthError[oauthError] ?? 'check the OAuth client settings and authorise again.'
      }`),
    );
    this.name = 'OAuthError';
  }
}
