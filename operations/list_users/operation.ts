import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_users',
  title: 'List users',
  description: 'Lists the users you can see, filtered and sorted as asked: every user at once, or one page when Page is given.',
  method: 'GET',
  path: '/v2/users',
  rename: { user_ids: 'ids' },
});
