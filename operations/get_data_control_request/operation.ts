import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_data_control_request',
  title: "Get data control request",
  description: "Gets a data control request by ID: its state and what it changed. Ask again until the state is completed or failed; the counts say what was changed (or would be, for a dry run).",
  method: 'GET',
  path: '/v2/data_control/requests/{data_control_request_id}',
  forbiddenHint: "Data control requests need a SalesLoft admin (or a role with the data privacy permission) and a token with the data control scope: ask a SalesLoft admin to run it or grant access.",
});
