import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_custom_field',
  title: 'Get custom field',
  description: 'Get a custom field by ID: its name, field type (person, company or opportunity) and value type.',
  method: 'GET',
  path: '/v2/custom_fields/{custom_field_id}',
});
