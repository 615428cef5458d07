import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_crm_activities',
  title: 'List CRM activities',
  description: 'Lists the activities SalesLoft wrote (or tried to write) to the CRM, with their CRM id, custom CRM fields and sync error, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/crm_activities',
  rename: { crm_activity_ids: 'ids' },
});
