import { defineDdl, minuteOf } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_data_control_requests_ddl',
  title: "List data control requests (DDL)",
  description: "Data control requests for a dropdown: type, state and when it was made, valued by its id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/data_control/requests',
  paging: 'pages',
  search: 'text',
  choice: (request) => ({ text: `${String(request.request_type).replace(/_/g, ' ')}${request.dry_run ? ' (dry run)' : ''}, ${request.state}, ${minuteOf(request.created_at)}`, value: request.id }),
});
