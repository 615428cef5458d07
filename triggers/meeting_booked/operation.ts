import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('meeting_booked');
