import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_task',
  title: 'Create task',
  description: 'Creates a call, email or general task for a person, assigned to a user and due on a date.',
  method: 'POST',
  path: '/v2/tasks',
  idempotencyKey: 'idempotency_key',
});
