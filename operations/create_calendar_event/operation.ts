import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_calendar_event',
  title: "Create calendar event",
  description: "Creates an event in a user's calendar (SalesLoft's reference calls it \"Create a Meeting\"): calendar, times, title, attendees. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/calendar/events',
});
