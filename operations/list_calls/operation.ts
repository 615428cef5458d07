import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_calls',
  title: 'List calls',
  description: 'Lists logged calls, filtered by person, user, sentiment, disposition or date, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/activities/calls',
  rename: { call_ids: 'ids' },
});
