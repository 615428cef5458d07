import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_actions',
  title: 'List actions',
  description:
    "Lists the cadence actions still to be done (in progress), filtered by type, due date, user, person, cadence or step. Non-admins get only their own actions.",
  method: 'GET',
  path: '/v2/actions',
  rename: { action_ids: 'ids' },
});
