import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_live_feed_item',
  title: 'Create live feed item',
  description:
    "Posts an item to a user's Live Feed about a person (for whitelisted front-end integrations). An idempotency key (given, or generated per run) keeps a repeated request from posting twice, so it is safe to retry.",
  method: 'POST',
  path: '/v2/third_party_live_feed_items',
  idempotencyKey: 'idempotency_key',
});
