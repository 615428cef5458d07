import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_users_guid_ddl',
  title: 'List users guid (DDL)',
  description: 'Users for a dropdown, valued by their guid (for user_guid and owned_by_guid fields and filters).',
  path: '/v2/users',
  // The executor sends page, so SalesLoft pages the users (without page it returns them all at once).
  paging: 'pages',
  search: 'api',
  choice: (user) => (user.guid ? { text: user.name || user.email, value: user.guid } : undefined),
});
