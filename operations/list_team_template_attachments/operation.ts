import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_team_template_attachments',
  title: 'List team template attachments',
  description:
    'Lists the files attached to team templates, with their size and download URL, paged as asked.',
  method: 'GET',
  path: '/v2/team_template_attachments',
  rename: { team_template_attachment_ids: 'ids' },
});
