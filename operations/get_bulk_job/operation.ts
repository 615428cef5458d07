import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_bulk_job',
  title: 'Get bulk job',
  description:
    'Gets a bulk job by ID: its state (open, executing or done) and how many of its records are processed and errored so far.',
  method: 'GET',
  path: '/v2/bulk_jobs/{bulk_jobs_id}',
});
