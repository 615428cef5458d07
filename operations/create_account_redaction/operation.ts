import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_account_redaction',
  title: "Create account redaction",
  description: "Redacts an account's identifying data (name, domain, phone, address...) in SalesLoft; its people are kept. SalesLoft answers at once with a request in state pending and does the work in the background: follow it with get_data_control_request (or list_data_control_requests) until its state is completed or failed. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/data_control/account_redaction',
  forbiddenHint: "Data control requests need a SalesLoft admin (or a role with the data privacy permission) and a token with the data control scope: ask a SalesLoft admin to run it or grant access.",
});
