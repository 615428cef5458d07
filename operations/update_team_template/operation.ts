import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_team_template',
  title: "Update team template",
  description: "Changes a team template's title, subject, body, tracking or attachments. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'PUT',
  path: '/v2/team_templates/{team_template_id}',
});
