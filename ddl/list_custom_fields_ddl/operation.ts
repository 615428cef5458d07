import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_custom_fields_ddl',
  title: 'List custom fields (DDL)',
  description: 'Custom fields for a dropdown: the field name, valued by its id; optionally only one kind of record. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/custom_fields',
  paging: 'pages',
  search: 'text',
  query: (input) => ({ field_type: input.field_type }),
  choice: (field) => ({ text: field.name, value: field.id }),
});
