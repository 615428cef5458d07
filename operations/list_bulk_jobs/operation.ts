import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_bulk_jobs',
  title: 'List bulk jobs',
  description:
    'Lists bulk jobs with their state and counts. No pages: fetch the next batch by passing the last job id as "After id".',
  method: 'GET',
  path: '/v2/bulk_jobs',
});
