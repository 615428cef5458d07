import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_email_template_attachments',
  title: 'List email template attachments',
  description:
    'Lists the files attached to email templates, with their size and download URL, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/email_template_attachments',
  rename: { email_template_attachment_ids: 'ids' },
});
