import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_tasks',
  title: 'List tasks',
  description:
    'Lists tasks by user, person, account, state, type, source, due or completion period, or last update (for incremental sync); sorted by due date, earliest first, unless asked otherwise.',
  method: 'GET',
  path: '/v2/tasks',
  rename: { task_ids: 'ids' },
});
