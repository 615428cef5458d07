import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_user',
  title: 'Update user',
  description:
    "Changes a user's activation, work country, role, group, seat package or manager (team admins only). SalesLoft's reference names the user by id or guid; every body field rests on its Postman collection.",
  method: 'PUT',
  path: '/v2/users/{user_id}',
});
