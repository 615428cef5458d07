import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_crm_activity_fields',
  title: 'List CRM activity fields',
  description:
    "Lists the CRM fields SalesLoft writes on email and phone activities, with their picklist values and fixed values: the keys Create call's CRM fields take.",
  method: 'GET',
  path: '/v2/crm_activity_fields',
});
