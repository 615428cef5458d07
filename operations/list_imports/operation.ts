import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_imports',
  title: 'List imports',
  description: 'Lists imports, filtered by id or owner, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/imports',
  rename: { import_ids: 'ids' },
});
