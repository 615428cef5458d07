import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_group',
  title: "Create group",
  description: "Creates a group of users (optionally under a parent group). Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/groups',
  forbiddenHint: "Groups are managed by SalesLoft admins (and need a plan with groups): ask a SalesLoft admin to make the change or grant the permission.",
});
