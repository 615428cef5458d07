import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_transcriptions',
  title: "List transcriptions",
  description: "Lists conversation transcriptions, filtered, paged and sorted as asked; each names its conversation. Filters rest on SalesLoft's Postman collection. Needs Conversation Intelligence.",
  method: 'GET',
  path: '/v2/transcriptions',
  rename: { transcription_ids: 'ids' },
  forbiddenHint: "Conversations need SalesLoft's Conversation Intelligence (a paid plan) and the conversations:read scope; recordings and transcripts are visible only to users allowed to see the call: ask a SalesLoft admin.",
});
