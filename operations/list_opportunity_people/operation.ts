import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_opportunity_people',
  title: "List opportunity people",
  description: "Lists which people are associated with which opportunities, paged and sorted as asked. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/opportunity_people',
  rename: { opportunity_person_ids: 'ids' },
  forbiddenHint: "Reading opportunities needs the opportunities:read scope (or a user who can see the team's opportunities): ask a SalesLoft admin for a token with it.",
});
