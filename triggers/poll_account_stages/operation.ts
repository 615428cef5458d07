import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_account_stages',
  title: 'New or updated account stages',
  description:
    'Returns the account stages created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'account_stage',
  list: 'list_account_stages',
  scope: 'accounts:read',
});
