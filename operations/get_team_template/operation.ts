import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_team_template',
  title: 'Get team template',
  description:
    'Gets a team template: its title, subject, body, tracking settings, counts and tags.',
  method: 'GET',
  path: '/v2/team_templates/{team_template_id}',
});
