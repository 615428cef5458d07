import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_crm_activities_ddl',
  title: 'List crm activities (DDL)',
  description: 'CRM activities for a dropdown: the activity subject, valued by its id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/crm_activities',
  paging: 'pages',
  search: 'text',
  choice: (activity) => (activity.id == null ? undefined : { text: activity.subject || `CRM activity #${activity.id}`, value: activity.id }),
});
