import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_meeting_reschedule_link',
  title: 'Get meeting reschedule link',
  description: "Gets the link a booked meeting's guest follows to move the meeting to another time. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/meetings/reschedule_links/{meeting_id}',
});
