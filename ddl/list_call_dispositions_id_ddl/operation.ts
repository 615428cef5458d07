import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_call_dispositions_id_ddl',
  title: "List call dispositions ID (DDL)",
  description: "Call dispositions for a dropdown: the name, valued by its id (for fields that take a disposition's id). Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/call_dispositions',
  paging: 'pages',
  search: 'text',
  choice: (disposition) => ({ text: disposition.name, value: disposition.id }),
});
