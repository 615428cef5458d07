import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_account_stages',
  title: 'List account stages',
  description: 'Lists account stages, filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/account_stages',
  rename: { account_stage_ids: 'ids' },
});
