import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_crm_users',
  title: 'List CRM users',
  description:
    'Lists the links between SalesLoft users and CRM users (the CRM user id of each SalesLoft user), paged and sorted as asked.',
  method: 'GET',
  path: '/v2/crm_users',
  rename: { crm_user_ids: 'ids' },
});
