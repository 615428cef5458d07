import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_custom_roles_ddl',
  title: "List custom roles (DDL)",
  description: "The team's custom roles for a dropdown: the role name, valued by its id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/custom_roles',
  paging: 'pages',
  search: 'text',
  choice: (role) => ({ text: role.name, value: role.id }),
});
