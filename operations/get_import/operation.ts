import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_import',
  title: 'Get import',
  description: 'Gets an import by ID, with how many people it has. Non-admin users can only see their own imports.',
  method: 'GET',
  path: '/v2/imports/{import_id}',
});
