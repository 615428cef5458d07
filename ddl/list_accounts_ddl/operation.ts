import { defineDdl } from '../../connector/operation.js';
import { accountFilter } from '../../connector/search-filters.js';

export default defineDdl({
  name: 'list_accounts_ddl',
  title: 'List accounts (DDL)',
  description: 'Accounts for a dropdown: the account name with its domain, valued by the account id. A web domain (globex.com) or a whole account name typed in is looked up by SalesLoft among all accounts; other text is matched against names and domains among the first 500 accounts SalesLoft lists.',
  path: '/v2/accounts',
  paging: 'pages',
  // SalesLoft's name filter is an exact match: a domain or whole name goes to its filter first, and when
  // it finds nothing, parts of names are matched in the texts.
  search: 'text',
  searchFilter: accountFilter,
  choice: (account) => ({
    text: account.name && account.domain ? `${account.name} (${account.domain})` : account.name || account.domain,
    value: account.id,
  }),
});
