import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_task_counts',
  title: 'Get task counts',
  description:
    "Counts tasks by state and due period, with the same filters as List tasks (user, person, account, state, type, due or completion period, locale, source). Every parameter rests on SalesLoft's Postman collection.",
  method: 'GET',
  path: '/v2/tasks/counts',
  rename: { task_ids: 'ids' },
});
