import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('conversation_recording_created');
