import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_account',
  title: 'Get account',
  description: 'Gets an account by ID: company details, owner, stage, tier, custom fields and tags.',
  method: 'GET',
  path: '/v2/accounts/{account_id}',
});
