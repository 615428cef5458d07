import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_webhook_subscriptions_ddl',
  title: 'List webhook subscriptions (DDL)',
  description: "The team's webhook subscriptions for a dropdown: event type and callback URL (marked when disabled), valued by id.",
  path: '/v2/webhook_subscriptions',
  // SalesLoft returns every subscription in one unpaged response.
  paging: 'single',
  search: 'text',
  choice: (subscription) => ({
    text: `${subscription.event_type} -> ${subscription.callback_url}${subscription.enabled === false ? ' (disabled)' : ''}`,
    value: subscription.id,
  }),
});
