import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_account_types',
  title: "List account types",
  description: "Lists the account types of the team (the values of an account's company_type). Shape from SalesLoft's Postman collection and docs index; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/account_types',
});
