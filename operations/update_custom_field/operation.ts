import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_custom_field',
  title: 'Update custom field',
  description:
    'Renames a custom field or changes its field type. SalesLoft gives the updated field a new ID and the old ID stops working: use the ID in the response from then on.',
  method: 'PUT',
  path: '/v2/custom_fields/{custom_field_id}',
});
