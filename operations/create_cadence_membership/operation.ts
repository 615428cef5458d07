import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_cadence_membership',
  title: 'Create cadence membership',
  description: 'Adds a person to a cadence, optionally for another user or starting on a given step.',
  method: 'POST',
  path: '/v2/cadence_memberships',
  // SalesLoft documents person_id, cadence_id, user_id, step_id and task_id as query parameters, not a body.
  request: ({ fields }) => ({ query: { ...fields } }),
});
