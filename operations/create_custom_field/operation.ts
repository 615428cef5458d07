import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_custom_field',
  title: 'Create custom field',
  description: 'Creates a custom field for people, companies (accounts) or opportunities.',
  method: 'POST',
  path: '/v2/custom_fields',
});
