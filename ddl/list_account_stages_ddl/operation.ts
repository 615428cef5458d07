import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_account_stages_ddl',
  title: 'List account stages (DDL)',
  description: 'Account stages for a dropdown: the stage name, valued by its id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/account_stages',
  paging: 'pages',
  search: 'text',
  choice: (stage) => ({ text: stage.name, value: stage.id }),
});
