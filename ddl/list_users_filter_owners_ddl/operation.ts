import { defineDdl } from '../../connector/operation.js';
import { userChoice } from '../list_users_ddl/operation.js';

export default defineDdl({
  name: 'list_users_filter_owners_ddl',
  title: 'List users filter owners (DDL)',
  description: 'Users for an owner filter: the user name, valued by the user id, plus "Unowned" for records without an owner.',
  path: '/v2/users',
  // The executor sends page, so SalesLoft pages the users (without page it returns them all at once).
  paging: 'pages',
  search: 'api',
  choice: userChoice,
  extraChoices: [{ text: 'Unowned', value: '_is_null' }],
});
