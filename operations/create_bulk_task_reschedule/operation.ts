import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_bulk_task_reschedule',
  title: 'Reschedule tasks',
  description:
    "Moves several tasks to a new due date in one request. The body (task_ids, due_date) rests on SalesLoft's Postman collection; SalesLoft answers with the rescheduled tasks.",
  method: 'POST',
  path: '/v2/bulk_reschedule_tasks',
  idempotent: true,
});
