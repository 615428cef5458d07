import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_bulk_job',
  title: 'Create bulk job',
  description:
    'Creates a bulk job of a given type (e.g. person/upsert). The new job is "open": add its records with Create bulk job data, then set ready_to_execute with Update bulk job; SalesLoft then moves it to "executing" and finally "done".',
  method: 'POST',
  path: '/v2/bulk_jobs',
});
