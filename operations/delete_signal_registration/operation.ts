import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_signal_registration',
  title: "Delete signal registration",
  description: "Deletes a signal registration and, with it, the plays registered for it; signals of its type are refused afterwards.",
  method: 'DELETE',
  path: '/v2/integrations/signals/registrations/{signal_registration_id}',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
