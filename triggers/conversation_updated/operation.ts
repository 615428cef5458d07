import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('conversation_updated');
