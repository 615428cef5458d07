import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_play_registrations',
  title: "List play registrations",
  description: "Lists the play frameworks registered for signal types, paged. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/integrations/signals/registrations/plays',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
