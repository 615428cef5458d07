import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_external_id_configurations_ddl',
  title: "List external id configurations (DDL)",
  description: "External id configurations for a dropdown: the external type and the kind of record, valued by the configuration's id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/external/configurations',
  paging: 'pages',
  search: 'text',
  choice: (configuration) => ({ text: `${configuration.external_type} (${configuration.object_type})`, value: configuration.id }),
});
