import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_activity_histories',
  title: 'New or updated activity histories',
  description:
    'Returns the activity histories created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'activity_history',
  list: 'list_activity_histories',
});
