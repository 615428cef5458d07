import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('cadence_membership_created');
