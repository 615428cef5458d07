import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('success_created');
