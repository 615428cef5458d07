import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_bulk_job_results',
  title: 'List bulk job results',
  description:
    'Lists the per-record results (status, error, record, resulting resource) of a bulk job once it is done. No pages: fetch the next batch by passing the last result id as "Results after".',
  method: 'GET',
  path: '/v2/bulk_jobs/{bulk_jobs_id}/results',
});
