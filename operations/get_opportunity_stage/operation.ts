import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_opportunity_stage',
  title: "Get opportunity stage",
  description: "Gets an opportunity stage by ID: its name and order.",
  method: 'GET',
  path: '/v2/opportunity_stages/{opportunity_stage_id}',
  forbiddenHint: "Reading opportunities needs the opportunities:read scope (or a user who can see the team's opportunities): ask a SalesLoft admin for a token with it.",
});
