import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('person_updated');
