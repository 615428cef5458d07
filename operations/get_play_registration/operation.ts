import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_play_registration',
  title: "Get play registration",
  description: "Gets a play registration by ID: its signal registration, indicators and the task it creates.",
  method: 'GET',
  path: '/v2/integrations/signals/registrations/plays/{play_registration_id}',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
