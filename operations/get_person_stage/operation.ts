import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_person_stage',
  title: 'Get person stage',
  description: 'Get a person stage by ID: its name and order.',
  method: 'GET',
  path: '/v2/person_stages/{person_stage_id}',
});
