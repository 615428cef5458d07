import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_email_template',
  title: 'Get email template',
  description:
    'Gets an email template: its title, subject, body, tracking settings, counts, owner, tags and groups.',
  method: 'GET',
  path: '/v2/email_templates/{email_template_id}',
});
