import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_mime_email_payload',
  title: 'Get MIME email payload',
  description:
    "Gets an email's raw MIME content, for an external email client to send it.",
  method: 'GET',
  path: '/v2/mime_email_payloads/{email_id}',
});
