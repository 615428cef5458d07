import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_external_id_configurations',
  title: "List external id configurations",
  description: "Lists the external id types configured for the team (which kinds of records can carry ids from your system). The path comes from SalesLoft's docs index only (UNCONFIRMED). Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/external/configurations',
  forbiddenHint: "External ids are for teams without a connected CRM and need a token whose user may change team settings (an admin): ask a SalesLoft admin.",
});
