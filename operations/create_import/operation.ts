import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_import',
  title: 'Create import',
  description: 'Creates an import, a named batch that people can be added to (by its id) and later found or deleted by.',
  method: 'POST',
  path: '/v2/imports',
});
