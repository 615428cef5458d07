import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_call_data_records',
  title: 'New or updated call data records',
  description:
    'Returns the call data records created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'call_data_record',
  list: 'list_call_data_records',
  scope: 'calls:read',
});
