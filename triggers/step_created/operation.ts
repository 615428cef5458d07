import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('step_created');
