import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_external_id_mapping',
  title: "Delete external id mapping",
  description: "Deletes the link between a SalesLoft record and an external id; the record stays. The mapping remains listable with deleted=true.",
  method: 'DELETE',
  path: '/v2/external/mappings/{external_id_mapping_id}',
  forbiddenHint: "External ids are for teams without a connected CRM and need a token whose user may change team settings (an admin): ask a SalesLoft admin.",
});
