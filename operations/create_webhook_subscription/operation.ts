import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_webhook_subscription',
  title: 'Create webhook subscription',
  description: 'Subscribes a callback URL to one event type: SalesLoft then POSTs every such event there, signed with the callback token.',
  method: 'POST',
  path: '/v2/webhook_subscriptions',
});
