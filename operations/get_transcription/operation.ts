import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_transcription',
  title: "Get transcription",
  description: "Gets a transcription by its UUID: its conversation and language. The text is in list_transcription_sentences or, as a file, get_transcription_artifact. Needs Conversation Intelligence.",
  method: 'GET',
  path: '/v2/transcriptions/{transcription_id}',
  forbiddenHint: "Conversations need SalesLoft's Conversation Intelligence (a paid plan) and the conversations:read scope; recordings and transcripts are visible only to users allowed to see the call: ask a SalesLoft admin.",
});
