import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_group',
  title: "Update group",
  description: "Renames a group or moves it under another parent group. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'PUT',
  path: '/v2/groups/{group_id}',
  forbiddenHint: "Groups are managed by SalesLoft admins (and need a plan with groups): ask a SalesLoft admin to make the change or grant the permission.",
});
