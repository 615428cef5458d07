import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_groups_ddl',
  title: 'List groups (DDL)',
  description: 'Groups for a dropdown: the group name, valued by its id. Typed text is matched against these texts, among all of them.',
  path: '/v2/groups',
  // SalesLoft returns every group in one unpaged response.
  paging: 'single',
  search: 'text',
  choice: (group) => ({ text: group.name, value: group.id }),
});
