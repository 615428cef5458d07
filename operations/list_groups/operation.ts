import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_groups',
  title: 'List groups',
  description: 'Lists the team\'s groups, filtered and sorted as asked (groups are not paged).',
  method: 'GET',
  path: '/v2/groups',
  rename: { group_ids: 'ids' },
});
