import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_note',
  title: 'Get note',
  description: 'Gets a note by ID: its content, the person or account it is about, its call and its user.',
  method: 'GET',
  path: '/v2/notes/{note_id}',
});
