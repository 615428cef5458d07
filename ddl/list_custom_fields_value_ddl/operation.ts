import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_custom_fields_value_ddl',
  title: 'List custom fields value (DDL)',
  description: 'Custom fields for a dropdown, valued by their name: custom field values and filters are keyed by the field name. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/custom_fields',
  paging: 'pages',
  search: 'text',
  query: (input) => ({ field_type: input.field_type }),
  choice: (field) => (field.name ? { text: field.name, value: field.name } : undefined),
});
