import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_note',
  title: 'Update note',
  description: "Replaces a note's content (and optionally its call). The change is not synced to the CRM.",
  method: 'PUT',
  path: '/v2/notes/{note_id}',
});
