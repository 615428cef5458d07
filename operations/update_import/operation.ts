import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_import',
  title: 'Update import',
  description: "Renames an import or changes its owner. Non-admin users can only update their own imports.",
  method: 'PUT',
  path: '/v2/imports/{import_id}',
});
