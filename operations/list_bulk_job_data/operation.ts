import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_bulk_job_data',
  title: 'List bulk job data',
  description:
    'Lists the records added to a bulk job, with the status of each. No pages: fetch the next batch by passing the last record id as "After id".',
  method: 'GET',
  path: '/v2/bulk_jobs/{bulk_jobs_id}/job_data',
});
