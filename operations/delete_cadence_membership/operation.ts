import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_cadence_membership',
  title: 'Delete cadence membership',
  description: 'Removes a person from a cadence by deleting the cadence membership.',
  method: 'DELETE',
  path: '/v2/cadence_memberships/{cadence_membership_id}',
});
