import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_person',
  title: 'Update person',
  description: "Updates a person's fields; the fields not given keep their values.",
  method: 'PUT',
  path: '/v2/people/{person_id}',
});
