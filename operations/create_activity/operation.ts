import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_activity',
  title: 'Create activity',
  description:
    'Completes an action (or the task behind it) by recording the activity that did it. Only some action types accept an activity created this way.',
  method: 'POST',
  path: '/v2/activities',
});
