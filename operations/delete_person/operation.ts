import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_person',
  title: 'Delete person',
  description: 'Deletes a person. This cannot be undone without contacting SalesLoft support; deleting a person that is already gone also succeeds.',
  method: 'DELETE',
  path: '/v2/people/{person_id}',
});
