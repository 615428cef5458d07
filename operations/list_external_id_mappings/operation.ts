import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_external_id_mappings',
  title: "List external id mappings",
  description: "Lists the links between SalesLoft records and their ids in external systems, filtered, paged and sorted as asked. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/external/mappings',
  forbiddenHint: "External ids are for teams without a connected CRM and need a token whose user may change team settings (an admin): ask a SalesLoft admin.",
});
