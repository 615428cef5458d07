import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_pending_email',
  title: 'Update pending email',
  description:
    'Reports what happened to an email an external email client was to send: sent (with its message id and time) or failed (with an error message). Emails sent by SalesLoft itself are not affected.',
  method: 'PUT',
  path: '/v2/pending_emails/{email_id}',
});
