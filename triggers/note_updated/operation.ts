import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('note_updated');
