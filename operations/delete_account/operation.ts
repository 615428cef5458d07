import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_account',
  title: 'Delete account',
  description: 'Deletes an account. Its people stay, detached from it; deleting an account that is already gone also succeeds.',
  method: 'DELETE',
  path: '/v2/accounts/{account_id}',
});
