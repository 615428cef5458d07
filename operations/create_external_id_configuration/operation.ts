import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_external_id_configuration',
  title: "Create external id configuration",
  description: "Configures an external id type for a kind of record (for example crm_opportunity for opportunities), the first step of importing opportunities without a CRM; then create records and mappings with that external type. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/external/configurations',
  forbiddenHint: "External ids are for teams without a connected CRM and need a token whose user may change team settings (an admin): ask a SalesLoft admin.",
});
