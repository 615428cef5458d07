import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_meeting',
  title: 'Update meeting',
  description:
    'Changes a meeting: marks it as a no-show, changes its status, or links it to its calendar event.',
  method: 'PUT',
  path: '/v2/meetings/{meeting_id}',
});
