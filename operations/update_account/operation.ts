import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_account',
  title: 'Update account',
  description: 'Updates an account\'s fields; the fields not given keep their values.',
  method: 'PUT',
  path: '/v2/accounts/{account_id}',
});
