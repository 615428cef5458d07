import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_crm_activity',
  title: 'Get CRM activity',
  description:
    'Gets a CRM activity: the record SalesLoft writes to the CRM for a call or email, with its CRM id, custom CRM fields and sync error.',
  method: 'GET',
  path: '/v2/crm_activities/{crm_activity_id}',
});
