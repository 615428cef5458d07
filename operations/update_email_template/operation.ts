import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_email_template',
  title: "Update email template",
  description: "Changes an email template's title, subject, body, tracking, sharing, archiving or attachments. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'PUT',
  path: '/v2/email_templates/{email_template_id}',
});
