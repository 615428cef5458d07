import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_email_template',
  title: "Create email template",
  description: "Creates a personal email template: title, subject, body, tracking and attachments. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/email_templates',
});
