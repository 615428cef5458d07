import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_cadence_memberships',
  title: 'List cadence memberships',
  description: 'Lists cadence memberships (people on cadences, now and before), filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/cadence_memberships',
  rename: { cadence_membership_ids: 'ids' },
});
