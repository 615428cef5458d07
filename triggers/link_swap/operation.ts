import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('link_swap');
