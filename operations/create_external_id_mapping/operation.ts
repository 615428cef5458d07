import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_external_id_mapping',
  title: "Create external id mapping",
  description: "Links a SalesLoft record to its id in an external system; the external type must be configured for that kind of record first (create_external_id_configuration). Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/external/mappings',
  forbiddenHint: "External ids are for teams without a connected CRM and need a token whose user may change team settings (an admin): ask a SalesLoft admin.",
});
