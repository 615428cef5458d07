import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_opportunities',
  title: "List opportunities",
  description: "Lists opportunities, filtered, paged and sorted as asked (read-only: SalesLoft offers no opportunity create or update here). Filters rest on SalesLoft's Postman collection; not confirmed on the reference pages. Needs the opportunities:read scope.",
  method: 'GET',
  path: '/v2/opportunities',
  rename: { opportunity_ids: 'ids' },
  forbiddenHint: "Reading opportunities needs the opportunities:read scope (or a user who can see the team's opportunities): ask a SalesLoft admin for a token with it.",
});
