import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_email_templates',
  title: 'List email templates',
  description:
    'Lists email templates (personal and team ones), filtered by tag, group, cadence, owner or a search term, paged and sorted as asked. Cadence-only and archived templates are left out unless asked for.',
  method: 'GET',
  path: '/v2/email_templates',
  rename: { email_template_ids: 'ids' },
});
