import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_account_team_member_roles',
  title: "List account team member roles",
  description: "Lists the roles users can have on CRM account teams, as synced from the CRM. Shape from SalesLoft's Postman collection and docs index; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/account_team_member_roles',
  forbiddenHint: "Account teams come from the CRM sync (Salesforce Account Team Sync): ask a SalesLoft admin to enable it, and use a token whose user can read accounts (accounts:read).",
});
