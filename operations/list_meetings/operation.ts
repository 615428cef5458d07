import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_meetings',
  title: 'List meetings',
  description:
    'Lists meetings booked through SalesLoft, filtered by status, person, account, calendar event, task, user, start time and more, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/meetings',
  rename: { meeting_ids: 'ids' },
});
