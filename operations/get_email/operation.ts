import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_email',
  title: 'Get email',
  description:
    'Get an email by ID: recipient, status, sent time, tracking and counts, with its cadence, step and CRM activity. The subject needs the privileged email_contents:read scope on the access token.',
  method: 'GET',
  path: '/v2/activities/emails/{email_id}',
});
