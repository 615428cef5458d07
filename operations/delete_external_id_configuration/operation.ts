import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_external_id_configuration',
  title: "Delete external id configuration",
  description: "Deletes an external id configuration. SalesLoft refuses while mappings of its type exist: delete them first.",
  method: 'DELETE',
  path: '/v2/external/configurations/{external_id_configuration_id}',
  forbiddenHint: "External ids are for teams without a connected CRM and need a token whose user may change team settings (an admin): ask a SalesLoft admin.",
});
