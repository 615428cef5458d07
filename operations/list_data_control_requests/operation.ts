import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_data_control_requests',
  title: "List data control requests",
  description: "Lists data control requests with their state (pending, in_progress, completed, failed), filtered, paged and sorted as asked. Filters rest on SalesLoft's Postman collection.",
  method: 'GET',
  path: '/v2/data_control/requests',
  forbiddenHint: "Data control requests need a SalesLoft admin (or a role with the data privacy permission) and a token with the data control scope: ask a SalesLoft admin to run it or grant access.",
});
