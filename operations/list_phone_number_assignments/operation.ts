import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_phone_number_assignments',
  title: 'List phone number assignments',
  description:
    'Lists the phone numbers assigned to the users of the team, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/phone_number_assignments',
  rename: { phone_number_assignment_ids: 'ids' },
});
