import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_accounts_ddl',
  title: 'List accounts (DDL)',
  description: 'Accounts for a dropdown: the account name with its domain, valued by the account id.',
  path: '/v2/accounts',
  paging: 'pages',
  // SalesLoft's name filter is an exact match: the search filters the texts instead.
  search: 'text',
  choice: (account) => ({
    text: account.name && account.domain ? `${account.name} (${account.domain})` : account.name || account.domain,
    value: account.id,
  }),
});
