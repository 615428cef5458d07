import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_people_soft_deletion',
  title: "Create people soft deletion",
  description: "Soft-deletes people: they disappear from lists and cadences, and SalesLoft keeps them for a while before erasing them. SalesLoft answers at once with a request in state pending and does the work in the background: follow it with get_data_control_request (or list_data_control_requests) until its state is completed or failed. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/data_control/people_soft_deletion',
  forbiddenHint: "Data control requests need a SalesLoft admin (or a role with the data privacy permission) and a token with the data control scope: ask a SalesLoft admin to run it or grant access.",
});
