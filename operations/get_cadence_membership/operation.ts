import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_cadence_membership',
  title: 'Get cadence membership',
  description: 'Gets a cadence membership by ID: the person, the cadence, its state and counts.',
  method: 'GET',
  path: '/v2/cadence_memberships/{cadence_membership_id}',
});
