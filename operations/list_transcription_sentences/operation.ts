import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_transcription_sentences',
  title: "List transcription sentences",
  description: "Lists the sentences of a transcript in order, with speaker and timing, a page at a time (page through with page/per_page for the whole transcript). Needs Conversation Intelligence.",
  method: 'GET',
  path: '/v2/transcriptions/{transcription_id}/sentences',
  forbiddenHint: "Conversations need SalesLoft's Conversation Intelligence (a paid plan) and the conversations:read scope; recordings and transcripts are visible only to users allowed to see the call: ask a SalesLoft admin.",
});
