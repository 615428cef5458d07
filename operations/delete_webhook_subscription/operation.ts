import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_webhook_subscription',
  title: 'Delete webhook subscription',
  description: 'Deletes a webhook subscription: SalesLoft stops delivering to it. It cannot be restored without SalesLoft support; deleting it again also succeeds.',
  method: 'DELETE',
  path: '/v2/webhook_subscriptions/{webhook_subscription_id}',
});
