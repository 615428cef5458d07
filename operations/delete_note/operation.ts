import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_note',
  title: 'Delete note',
  description: 'Deletes a note. It cannot be restored without SalesLoft support; deleting it again also succeeds.',
  method: 'DELETE',
  path: '/v2/notes/{note_id}',
});
