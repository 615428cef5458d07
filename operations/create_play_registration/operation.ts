import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_play_registration',
  title: "Create play registration",
  description: "Registers a play framework for a signal type: the task a matching signal creates. A SalesLoft admin turns it on in Settings, Workflow, Plays. Shape from SalesLoft's Postman collection and the Registering Plays guide.",
  method: 'POST',
  path: '/v2/integrations/signals/registrations/plays',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
