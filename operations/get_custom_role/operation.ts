import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_custom_role',
  title: "Get custom role",
  description: "Gets a custom role by ID: its name. Shape from SalesLoft's Postman collection and docs index; not confirmed on the reference pages. Visible to admins.",
  method: 'GET',
  path: '/v2/custom_roles/{custom_role_id}',
  forbiddenHint: "Team roles and settings are visible to SalesLoft admins (or a role with the team settings permission): ask a SalesLoft admin to run this or to grant the permission.",
});
