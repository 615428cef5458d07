import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_note',
  title: 'Create note',
  description: 'Creates a note on a person or an account, optionally attached to a call; it is synced to the CRM unless told not to.',
  method: 'POST',
  path: '/v2/notes',
});
