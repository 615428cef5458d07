import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_custom_field',
  title: 'Delete custom field',
  description: 'Deletes a custom field.',
  method: 'DELETE',
  path: '/v2/custom_fields/{custom_field_id}',
});
