import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_account_tiers',
  title: 'List account tiers',
  description: 'Lists account tiers, filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/account_tiers',
  rename: { account_tier_ids: 'ids' },
});
