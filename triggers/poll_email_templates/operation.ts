import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_email_templates',
  title: 'New or updated email templates',
  description:
    'Returns the email templates created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'email_template',
  list: 'list_email_templates',
});
