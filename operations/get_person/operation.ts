import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_person',
  title: 'Get person',
  description: 'Get a person by ID: contact details, owner, account, stage, custom fields and activity counts.',
  method: 'GET',
  path: '/v2/people/{person_id}',
});
