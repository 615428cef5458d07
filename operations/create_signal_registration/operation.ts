import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_signal_registration',
  title: "Create signal registration",
  description: "Registers a signal type for an integration, so that it can send signals of that type (create_signal). A type is registered once per integration. Shape from SalesLoft's reference page where it shows it (list and signal create); the rest from the Postman collection.",
  method: 'POST',
  path: '/v2/integrations/signals/registrations',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
