import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_account_tier',
  title: 'Get account tier',
  description:
    'Gets an account tier: its name and order.',
  method: 'GET',
  path: '/v2/account_tiers/{account_tier_id}',
});
