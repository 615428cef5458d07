import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_ongoing_action',
  title: 'Create ongoing action',
  description:
    'Marks an action as in progress: work has started and will finish without the user (complete it later with Create activity).',
  method: 'POST',
  path: '/v2/ongoing_actions',
});
