import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('email_with_body_and_subject_updated');
