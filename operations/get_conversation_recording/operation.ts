import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_conversation_recording',
  title: "Get conversation recording",
  description: "Gets a signed URL of a conversation's recording (audio or video). The URL expires (see expires_at): download the media soon after asking, and ask again rather than storing the URL. Needs Conversation Intelligence and permission to see the recording.",
  method: 'GET',
  path: '/v2/conversations/{conversation_id}/recording',
  forbiddenHint: "Conversations need SalesLoft's Conversation Intelligence (a paid plan) and the conversations:read scope; recordings and transcripts are visible only to users allowed to see the call: ask a SalesLoft admin.",
});
