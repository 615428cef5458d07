import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_actions',
  title: 'New or updated actions',
  description:
    'Returns the actions created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'action',
  list: 'list_actions',
  scope: 'actions:read',
});
