import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('account_updated');
