import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_signal',
  title: "Create signal",
  description: "Delivers a signal (a buyer's action in your system) to SalesLoft, where plays can turn it into tasks. Its type must be registered for the token's integration first (create_signal_registration), else SalesLoft answers 422 \"no Signal Registration found\". The idempotency_key makes it safe to send again: SalesLoft keeps the first signal with a key. From SalesLoft's reference page.",
  method: 'POST',
  path: '/v2/signals',
  idempotencyKey: 'idempotency_key',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
