import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_call_sentiments_id_ddl',
  title: "List call sentiments ID (DDL)",
  description: "Call sentiments for a dropdown: the name, valued by its id (for fields that take a sentiment's id). Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/call_sentiments',
  paging: 'pages',
  search: 'text',
  choice: (sentiment) => ({ text: sentiment.name, value: sentiment.id }),
});
