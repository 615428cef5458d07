import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_meeting_setting',
  title: 'Update meeting setting',
  description:
    "Changes a user's meeting settings: calendar, title, description, location, meeting length, buffers, availability, booking rules and time zone.",
  method: 'PUT',
  path: '/v2/meetings/settings/{meeting_setting_id}',
});
