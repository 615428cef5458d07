import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_cadence_stats',
  title: "Get cadence stats",
  description: "Gets the counts of a cadence: people on it, finished and removed, emails, replies, calls, meetings and opportunities. Shape from SalesLoft's Postman collection and docs index; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/cadence_stats/{cadence_id}',
});
