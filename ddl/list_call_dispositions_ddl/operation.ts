import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_call_dispositions_ddl',
  title: 'List call dispositions (DDL)',
  description: 'Call dispositions for a dropdown, valued by their name: calls take the disposition as text. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/call_dispositions',
  paging: 'pages',
  search: 'text',
  choice: (disposition) => (disposition.name ? { text: disposition.name, value: disposition.name } : undefined),
});
