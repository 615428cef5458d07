import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_account_tiers_ddl',
  title: 'List account tiers (DDL)',
  description: 'Account tiers for a dropdown: the tier name, valued by its id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/account_tiers',
  paging: 'pages',
  search: 'text',
  choice: (tier) => ({ text: tier.name, value: tier.id }),
});
