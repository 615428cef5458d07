import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_call_sentiments_ddl',
  title: 'List call sentiments (DDL)',
  description: 'Call sentiments for a dropdown, valued by their name: calls take the sentiment as text. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/call_sentiments',
  paging: 'pages',
  search: 'text',
  choice: (sentiment) => (sentiment.name ? { text: sentiment.name, value: sentiment.name } : undefined),
});
