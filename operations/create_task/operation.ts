import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_task',
  title: 'Create task',
  description:
    "Creates a call, email or general task for a person, due on a date. It is assigned to the user given by id or by guid (one or the other), else to the user of the access token. SalesLoft's current reference no longer lists current_state: every new task is scheduled.",
  method: 'POST',
  path: '/v2/tasks',
  idempotencyKey: 'idempotency_key',
});
