import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_call_sentiment',
  title: "Get call sentiment",
  description: "Gets a call sentiment (how a call went, such as Positive) by ID.",
  method: 'GET',
  path: '/v2/call_sentiments/{call_sentiment_id}',
});
