import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_me',
  title: 'Get current user',
  description:
    'Gets the user the access token belongs to: name, email, role, group, team and settings. Use it to check a token or to find your own user id and guid.',
  method: 'GET',
  path: '/v2/me',
});
