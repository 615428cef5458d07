import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_bulk_job',
  title: 'Cancel bulk job',
  description:
    'Cancels a bulk job that has not finished: it stops taking data and its remaining records are not processed. The path comes from SalesLoft\'s current reference index ("Cancel a bulk job").',
  method: 'DELETE',
  path: '/v2/bulk_jobs/{bulk_jobs_id}',
});
