import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_calendar_event',
  title: "Update calendar event",
  description: "Changes a calendar event's times, title, status, location, attendees or other details. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'PUT',
  path: '/v2/calendar/events/{calendar_event_id}',
});
