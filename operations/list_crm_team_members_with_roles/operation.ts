import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_crm_team_members_with_roles',
  title: "List CRM team members with roles",
  description: "Lists the team's users with every CRM account team role each has. Path from the docs index only (UNCONFIRMED); shape from SalesLoft's Postman collection and docs index; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/crm_team_members_with_roles',
  forbiddenHint: "Account teams come from the CRM sync (Salesforce Account Team Sync): ask a SalesLoft admin to enable it, and use a token whose user can read accounts (accounts:read).",
});
