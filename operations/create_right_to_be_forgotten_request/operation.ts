import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_right_to_be_forgotten_request',
  title: "Create right to be forgotten request",
  description: "Erases people and their activity (emails, calls, notes) for a privacy (GDPR) erasure request. This cannot be undone. SalesLoft answers at once with a request in state pending and does the work in the background: follow it with get_data_control_request (or list_data_control_requests) until its state is completed or failed. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/data_control/right_to_be_forgotten',
  forbiddenHint: "Data control requests need a SalesLoft admin (or a role with the data privacy permission) and a token with the data control scope: ask a SalesLoft admin to run it or grant access.",
});
