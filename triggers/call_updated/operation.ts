import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('call_updated');
