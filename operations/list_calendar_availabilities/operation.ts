import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_calendar_availabilities',
  title: "List calendar availabilities",
  description: "Lists the free slots of users' calendars between two times (for offering meeting times). Path and shape rest on SalesLoft's docs index (page title) only; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/calendar_availabilities',
});
