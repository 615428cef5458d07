import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('conversation_transcript_created');
