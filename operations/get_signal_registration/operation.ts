import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_signal_registration',
  title: "Get signal registration",
  description: "Gets a signal registration by ID: its type, data shape, indicators and attribution.",
  method: 'GET',
  path: '/v2/integrations/signals/registrations/{signal_registration_id}',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
