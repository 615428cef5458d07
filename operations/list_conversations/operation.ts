import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_conversations',
  title: "List conversations",
  description: "Lists recorded conversations (calls and video meetings), filtered, paged and sorted as asked. Page through with page/per_page; a conversation's transcript comes from list_transcription_sentences. Filters rest on SalesLoft's Postman collection and the reference page excerpt. Needs Conversation Intelligence.",
  method: 'GET',
  path: '/v2/conversations',
  rename: { conversation_ids: 'ids', title_starts_with: 'title[_starts_with]' },
  forbiddenHint: "Conversations need SalesLoft's Conversation Intelligence (a paid plan) and the conversations:read scope; recordings and transcripts are visible only to users allowed to see the call: ask a SalesLoft admin.",
});
