import { webhookTrigger } from '../../connector/webhook-events.js';

export default webhookTrigger('call_data_record_updated');
