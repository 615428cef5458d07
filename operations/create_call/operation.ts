import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_call',
  title: 'Create call',
  description:
    "Logs a call with a person: its outcome (disposition and sentiment, by name), notes synced to the CRM, the CRM activity fields, and the phone action or call task it completes (one or the other, not both).",
  method: 'POST',
  path: '/v2/activities/calls',
});
