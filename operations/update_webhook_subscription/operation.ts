import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_webhook_subscription',
  title: 'Update webhook subscription',
  description: 'Enables or disables a webhook subscription: a disabled subscription receives nothing until enabled again.',
  method: 'PUT',
  path: '/v2/webhook_subscriptions/{webhook_subscription_id}',
});
