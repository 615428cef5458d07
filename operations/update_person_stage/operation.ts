import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_person_stage',
  title: 'Update person stage',
  description: 'Renames a person stage.',
  method: 'PUT',
  path: '/v2/person_stages/{person_stage_id}',
});
