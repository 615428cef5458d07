import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('email_updated');
