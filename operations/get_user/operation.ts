import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_user',
  title: 'Get user',
  description: 'Gets a user by ID: name, email, role, group, team and settings.',
  method: 'GET',
  path: '/v2/users/{user_id}',
});
