import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_crm_activities',
  title: 'New or updated CRM activities',
  description:
    'Returns the CRM activities created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'crm_activity',
  list: 'list_crm_activities',
  scope: 'crm:read',
});
