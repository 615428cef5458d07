import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_steps',
  title: 'List steps',
  description: 'Lists cadence steps, filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/steps',
  rename: { step_ids: 'ids' },
});
