import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_conversation_call',
  title: 'Create conversation call',
  description:
    "Sends a call recorded outside SalesLoft to SalesLoft Conversations for transcription and analysis: numbers, duration, direction, the user and the recording's URL.",
  method: 'POST',
  path: '/v2/conversations/calls',
});
