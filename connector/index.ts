// The package's programmatic API.
export { Connector, createConnector, defaultBaseUrl, type ConnectorOptions } from './runner.js';
export { ApiError, ConfigurationError, ConnectorError, InputError, NetworkError, RateLimitedError, RefusedRequestError, UnexpectedError, type ErrorKind, type Outcome } from './errors.js';
export { registerSecret } from './secrets.js';
export { loadRegistry, type Registry, type RegisteredOperation } from './registry.js';
export { buildManifest, type Manifest } from './manifest.js';
export type { Choice, DdlOperation, MainOperation, Operation, InputProblem } from './operation.js';
export type { OperationName, Operations } from './types.generated.js';
export { OAuthError } from './auth/errors.js';
export { authorizationUrl, exchangeAuthorizationCode, type OAuthOptions, type TokenSet } from './auth/oauth.js';
export { bulkJobTypes, BulkJobPendingError, type BulkJobType, type BulkOptions, type BulkProgress, type BulkSummary, type BulkFailure } from './bulk.js';
export { parseWebhook, webhookHandler, webhookMiddleware, WebhookSignatureError, type WebhookEvent, type WebhookEventName, type WebhookHandlerOptions } from './webhooks.js';
