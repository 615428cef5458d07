import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('task_created');
