import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_crm_account_team_members',
  title: "List CRM account team members",
  description: "Lists the users on accounts' CRM account teams with their roles, as synced from the CRM. Shape from SalesLoft's Postman collection and docs index; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/crm_account_team_members',
  forbiddenHint: "Account teams come from the CRM sync (Salesforce Account Team Sync): ask a SalesLoft admin to enable it, and use a token whose user can read accounts (accounts:read).",
});
