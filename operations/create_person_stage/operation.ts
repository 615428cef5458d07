import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_person_stage',
  title: 'Create person stage',
  description: 'Creates a person stage.',
  method: 'POST',
  path: '/v2/person_stages',
});
