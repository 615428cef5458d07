import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_call_disposition',
  title: "Get call disposition",
  description: "Gets a call disposition (the outcome of a call, such as Connected) by ID.",
  method: 'GET',
  path: '/v2/call_dispositions/{call_disposition_id}',
});
