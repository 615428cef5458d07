import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_team_templates',
  title: 'List team templates',
  description:
    'Lists team templates (the templates shared with the whole team), filtered by tag or a search term, paged and sorted as asked. Archived templates are left out unless asked for.',
  method: 'GET',
  path: '/v2/team_templates',
  rename: { team_template_ids: 'ids' },
});
