import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_group',
  title: "Delete group",
  description: "Deletes a group; its users and child groups are left without it. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'DELETE',
  path: '/v2/groups/{group_id}',
  forbiddenHint: "Groups are managed by SalesLoft admins (and need a plan with groups): ask a SalesLoft admin to make the change or grant the permission.",
});
