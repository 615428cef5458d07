import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_import',
  title: 'Delete import',
  description:
    'Deletes an import. Its people are kept unless "Delete its people" says to delete those only on this import (single) or all of them (all).',
  method: 'DELETE',
  path: '/v2/imports/{import_id}',
});
