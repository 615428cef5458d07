import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_cadence_memberships',
  title: 'New or updated cadence memberships',
  description:
    'Returns the cadence memberships created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'cadence_membership',
  list: 'list_cadence_memberships',
  scope: 'cadences:read',
});
