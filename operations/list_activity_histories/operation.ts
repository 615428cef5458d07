import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_activity_histories',
  title: 'List activity histories',
  description:
    'Lists activity history: everything that happened to people and accounts (emails, calls, notes, stage changes...), filtered by type, resource, time or user, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/activity_histories',
  rename: { activity_history_ids: 'ids' },
});
