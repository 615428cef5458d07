import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_people',
  title: 'New or updated people',
  description:
    'Returns the people created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'person',
  list: 'list_people',
  scope: 'people:read',
});
