import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('bulk_job_completed');
