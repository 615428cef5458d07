import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_accounts',
  title: 'List accounts',
  description: 'Lists accounts, filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/accounts',
  rename: { account_ids: 'ids' },
});
