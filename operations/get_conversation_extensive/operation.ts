import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_conversation_extensive',
  title: "Get conversation extensive",
  description: "Gets a conversation with its analysis: summary, key moments, action items and talk ratios. Needs Conversation Intelligence.",
  method: 'GET',
  path: '/v2/conversations/{conversation_id}/extensive',
  forbiddenHint: "Conversations need SalesLoft's Conversation Intelligence (a paid plan) and the conversations:read scope; recordings and transcripts are visible only to users allowed to see the call: ask a SalesLoft admin.",
});
