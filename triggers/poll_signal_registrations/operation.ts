import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_signal_registrations',
  title: 'New or updated signal registrations',
  description:
    'Returns the signal registrations created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'signal_registration',
  list: 'list_signal_registrations',
});
