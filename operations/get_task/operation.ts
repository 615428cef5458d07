import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_task',
  title: 'Get task',
  description: 'Gets a task by ID: subject, type, state, due date, reminder, person and assigned user.',
  method: 'GET',
  path: '/v2/tasks/{task_id}',
});
