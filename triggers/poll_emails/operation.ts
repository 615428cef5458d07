import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_emails',
  title: 'New or updated emails',
  description:
    'Returns the emails created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'email',
  list: 'list_emails',
  scope: 'emails:read',
});
