import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_crm_activity_fields_ddl',
  title: 'List crm activity fields (DDL)',
  description: 'CRM activity fields for a dropdown: the field title, valued by the CRM field name (the keys of crm_params). Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/crm_activity_fields',
  paging: 'pages',
  search: 'text',
  query: (input) => ({ source: input.source }),
  choice: (field) => (field.field ? { text: field.title || field.field, value: field.field } : undefined),
});
