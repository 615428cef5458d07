import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_webhook_subscription',
  title: 'Get webhook subscription',
  description: 'Gets one webhook subscription by ID: its event type, callback URL and whether it is enabled.',
  method: 'GET',
  path: '/v2/webhook_subscriptions/{webhook_subscription_id}',
});
