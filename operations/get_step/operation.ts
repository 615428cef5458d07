import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_step',
  title: 'Get step',
  description: 'Gets a cadence step by ID: its name, type, day and cadence.',
  method: 'GET',
  path: '/v2/steps/{step_id}',
});
