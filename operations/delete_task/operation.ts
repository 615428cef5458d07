import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_task',
  title: 'Delete task',
  description:
    'Deletes a task. The path comes from SalesLoft\'s current reference index (the "Delete a task" page); a deleted task no longer appears in lists.',
  method: 'DELETE',
  path: '/v2/tasks/{task_id}',
});
