import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('user_created');
