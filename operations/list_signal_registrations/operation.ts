import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_signal_registrations',
  title: "List signal registrations",
  description: "Lists the signal registrations of every integration, filtered, paged and sorted as asked (from SalesLoft's reference page).",
  method: 'GET',
  path: '/v2/integrations/signals/registrations',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
