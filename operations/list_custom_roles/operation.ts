import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_custom_roles',
  title: "List custom roles",
  description: "Lists the team's custom roles (the Admin and User roles are built in and not listed). Shape from SalesLoft's Postman collection and docs index; not confirmed on the reference pages. Visible to admins.",
  method: 'GET',
  path: '/v2/custom_roles',
  rename: { custom_role_ids: 'ids' },
  forbiddenHint: "Team roles and settings are visible to SalesLoft admins (or a role with the team settings permission): ask a SalesLoft admin to run this or to grant the permission.",
});
