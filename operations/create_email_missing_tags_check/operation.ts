import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_email_missing_tags_check',
  title: "Create email missing tags check",
  description: "Checks an email's subject and body against a person and lists the dynamic tags ({{first_name}}, {{account.name}}...) that would come out empty, before the email is sent. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/email_missing_tags',
  check: (input) => (input.fields?.subject === undefined && input.fields?.body === undefined ? [{ path: 'fields', message: 'needs a subject or a body to check' }] : []),
});
