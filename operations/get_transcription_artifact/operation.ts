import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_transcription_artifact',
  title: "Get transcription artifact",
  description: "Gets a signed URL of the whole transcript as a file. The URL expires (see expires_at): download it soon after asking. Needs Conversation Intelligence.",
  method: 'GET',
  path: '/v2/transcriptions/{transcription_id}/artifact',
  forbiddenHint: "Conversations need SalesLoft's Conversation Intelligence (a paid plan) and the conversations:read scope; recordings and transcripts are visible only to users allowed to see the call: ask a SalesLoft admin.",
});
