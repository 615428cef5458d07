import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_task',
  title: 'Update task',
  description:
    "Changes a task: its subject, person, assignee (by user id or guid, not both), type, due date or time, reminder and description; setting current_state to completed completes it. The body fields rest on SalesLoft's Postman collection and the 2021 spec.",
  method: 'PUT',
  path: '/v2/tasks/{task_id}',
});
