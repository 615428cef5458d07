import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_team_templates',
  title: 'New or updated team templates',
  description:
    'Returns the team templates created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'team_template',
  list: 'list_team_templates',
});
