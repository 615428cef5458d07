import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_conversation',
  title: "Get conversation",
  description: "Gets a conversation by its UUID: title, platform, duration, owner, account, person and transcription id. Needs Conversation Intelligence.",
  method: 'GET',
  path: '/v2/conversations/{conversation_id}',
  forbiddenHint: "Conversations need SalesLoft's Conversation Intelligence (a paid plan) and the conversations:read scope; recordings and transcripts are visible only to users allowed to see the call: ask a SalesLoft admin.",
});
