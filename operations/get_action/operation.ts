import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_action',
  title: 'Get action',
  description:
    'Gets an action (a step a user has to take with a person on a cadence): its type, due date, status, person, cadence and step.',
  method: 'GET',
  path: '/v2/actions/{action_id}',
});
