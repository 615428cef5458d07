import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_custom_field',
  title: 'Update custom field',
  description:
    "Renames a custom field or changes its field type. SalesLoft gives the updated field a new ID and the old ID stops working: use the ID in the response from then on. SalesLoft's current reference no longer documents this endpoint (only create, get, list and delete): it works on the 2021 API but may be withdrawn.",
  method: 'PUT',
  path: '/v2/custom_fields/{custom_field_id}',
});
