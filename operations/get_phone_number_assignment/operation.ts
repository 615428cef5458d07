import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_phone_number_assignment',
  title: 'Get phone number assignment',
  description:
    'Gets a phone number assignment: the number and the user it belongs to.',
  method: 'GET',
  path: '/v2/phone_number_assignments/{phone_number_assignment_id}',
});
