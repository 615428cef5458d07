import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_play_registration',
  title: "Update play registration",
  description: "Changes a play registration: its name, label, indicators or the task it creates.",
  method: 'PUT',
  path: '/v2/integrations/signals/registrations/plays/{play_registration_id}',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
