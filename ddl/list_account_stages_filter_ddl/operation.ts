import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_account_stages_filter_ddl',
  title: 'List account stages filter (DDL)',
  description: 'Account stages for a list filter: the stage name, valued by its id, plus "No stage" for accounts without one. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/account_stages',
  paging: 'pages',
  search: 'text',
  choice: (stage) => ({ text: stage.name, value: stage.id }),
  extraChoices: [{ text: 'No stage', value: '_is_null' }],
});
