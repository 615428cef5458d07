import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_cadence',
  title: 'Get cadence',
  description: 'Gets a cadence by ID: its settings, owner, stages and counts.',
  method: 'GET',
  path: '/v2/cadences/{cadence_id}',
});
