import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_account_stage',
  title: 'Get account stage',
  description:
    'Gets an account stage: its name and order.',
  method: 'GET',
  path: '/v2/account_stages/{account_stage_id}',
});
