import { defineDdl, type ApiRecord } from '../../connector/operation.js';

/** A user as a choice: the name (else the email), valued by the user id. */
export const userChoice = (user: ApiRecord) => ({ text: user.name || user.email, value: user.id });

export default defineDdl({
  name: 'list_users_ddl',
  title: 'List users (DDL)',
  description: 'Users of the team for a dropdown: the user name, valued by the user id (for owner_id and user_id fields).',
  path: '/v2/users',
  // The executor sends page, so SalesLoft pages the users (without page it returns them all at once).
  paging: 'pages',
  search: 'api',
  choice: userChoice,
});
