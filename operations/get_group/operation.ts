import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_group',
  title: 'Get group',
  description:
    'Gets a group: its name, parent group and the groups its members can see.',
  method: 'GET',
  path: '/v2/groups/{group_id}',
});
