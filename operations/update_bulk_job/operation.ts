import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_bulk_job',
  title: 'Update bulk job',
  description:
    'Renames an open bulk job and/or marks it ready to execute, which starts processing its records. Only jobs still in state "open" can be updated.',
  method: 'PUT',
  path: '/v2/bulk_jobs/{bulk_jobs_id}',
});
