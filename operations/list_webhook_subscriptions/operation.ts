import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_webhook_subscriptions',
  title: 'List webhook subscriptions',
  description: "Lists the team's webhook subscriptions for your application (every one, unpaged), optionally only the enabled or the disabled ones.",
  method: 'GET',
  path: '/v2/webhook_subscriptions',
});
