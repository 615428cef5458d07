import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_external_id_mappings_ddl',
  title: "List external id mappings (DDL)",
  description: "External id mappings for a dropdown: the external id and the record it names, valued by the mapping's id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/external/mappings',
  paging: 'pages',
  search: 'text',
  choice: (mapping) => ({ text: `${mapping.external_type} ${mapping.external_id} -> ${mapping.object_type} ${mapping.object_id}`, value: mapping.id }),
});
