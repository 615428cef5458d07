import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_play_registration',
  title: "Delete play registration",
  description: "Deletes a play registration; plays already turned on from it stop.",
  method: 'DELETE',
  path: '/v2/integrations/signals/registrations/plays/{play_registration_id}',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
