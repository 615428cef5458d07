import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_calendar_events',
  title: 'List calendar events',
  description:
    'Lists the calendar events of the users of the team that SalesLoft has synced, between a start and an end time, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/calendar/events',
});
