import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_external_email',
  title: 'Create external email',
  description:
    'Records an email sent or received outside SalesLoft, given as its MIME content (Base64 encoded) and the mailbox it belongs to.',
  method: 'POST',
  path: '/v2/external_emails',
});
