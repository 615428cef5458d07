import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_person_stage',
  title: 'Delete person stage',
  description: 'Deletes a person stage. This cannot be undone without contacting SalesLoft support; deleting a stage that is already gone also succeeds.',
  method: 'DELETE',
  path: '/v2/person_stages/{person_stage_id}',
});
