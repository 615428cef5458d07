import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_users_role_id_ddl',
  title: 'List users role ID (DDL)',
  description: 'The roles the team\'s users have (e.g. Admin, User or a custom role id), each once, for the users role filter. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/users',
  // The executor sends page, so SalesLoft pages the users (without page it returns them all at once).
  paging: 'pages',
  // SalesLoft's users search matches names and emails, not roles: the search filters the role texts.
  search: 'text',
  // role.id is a string such as "Admin" or a custom role's id; users sharing a role give one choice
  // (the executor drops repeated values). The role filter takes strings, so the value is one too.
  choice: (user) => {
    const id = user.role?.id;
    return id == null || id === '' ? undefined : { text: String(id), value: String(id) };
  },
});
