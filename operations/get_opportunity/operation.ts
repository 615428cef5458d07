import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_opportunity',
  title: "Get opportunity",
  description: "Gets an opportunity by ID: its name, amount, stage, close date, account and owner. Needs the opportunities:read scope.",
  method: 'GET',
  path: '/v2/opportunities/{opportunity_id}',
  forbiddenHint: "Reading opportunities needs the opportunities:read scope (or a user who can see the team's opportunities): ask a SalesLoft admin for a token with it.",
});
