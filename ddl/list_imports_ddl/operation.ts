import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_imports_ddl',
  title: 'List imports (DDL)',
  description: 'Imports for a dropdown: the import name, valued by its id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/imports',
  paging: 'pages',
  search: 'text',
  choice: (record) => ({ text: record.name, value: record.id }),
});
