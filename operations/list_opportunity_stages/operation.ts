import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_opportunity_stages',
  title: "List opportunity stages",
  description: "Lists opportunity stages, paged and sorted as asked. Filters rest on SalesLoft's Postman collection.",
  method: 'GET',
  path: '/v2/opportunity_stages',
  rename: { opportunity_stage_ids: 'ids' },
  forbiddenHint: "Reading opportunities needs the opportunities:read scope (or a user who can see the team's opportunities): ask a SalesLoft admin for a token with it.",
});
