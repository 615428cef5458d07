import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_bulk_jobs_ddl',
  title: 'List bulk jobs (DDL)',
  description: 'Bulk jobs for a dropdown: the job name, else its type and id (e.g. "person/upsert #12"), valued by the job id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/bulk_jobs',
  // SalesLoft pages bulk jobs with an id[gt] cursor only.
  paging: 'cursor',
  search: 'text',
  choice: (job) =>
    job.id == null ? undefined : { text: job.name || `${job.type || 'Bulk job'} #${job.id}`, value: job.id },
});
