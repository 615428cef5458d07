import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_signal_registration',
  title: "Update signal registration",
  description: "Changes a signal registration (for example adds an indicator or recommended email content). Changing the data shape can break the plays that use it. Shape from SalesLoft's reference page where it shows it (list and signal create); the rest from the Postman collection.",
  method: 'PUT',
  path: '/v2/integrations/signals/registrations/{signal_registration_id}',
  forbiddenHint: "Signals and plays belong to an OAuth application or front-end integration (API keys are not supported): use that integration's OAuth token; registering plays needs a SalesLoft admin's approval to turn them on.",
});
