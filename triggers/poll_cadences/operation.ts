import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_cadences',
  title: 'New or updated cadences',
  description:
    'Returns the cadences created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'cadence',
  list: 'list_cadences',
  scope: 'cadences:read',
});
