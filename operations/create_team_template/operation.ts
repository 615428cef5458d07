import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_team_template',
  title: "Create team template",
  description: "Creates a team template, shared with the whole team: title, subject, body, tracking and attachments. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/team_templates',
});
