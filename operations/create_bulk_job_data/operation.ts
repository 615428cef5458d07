import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_bulk_job_data',
  title: 'Create bulk job data',
  description:
    'Adds up to 5,000 records to an open bulk job, each the parameters of one underlying call. Call it as often as needed before marking the job ready to execute.',
  method: 'POST',
  path: '/v2/bulk_jobs/{bulk_jobs_id}/job_data',
});
