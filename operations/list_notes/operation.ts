import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_notes',
  title: 'List notes',
  description: 'Lists notes, optionally only those about one person or account, filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/notes',
  rename: { note_ids: 'ids' },
});
