import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_tags_ddl',
  title: 'List tags (DDL)',
  description: 'Tags for a dropdown: the tag name, valued by its id (for tag id filters).',
  path: '/v2/tags',
  paging: 'pages',
  search: 'api',
  choice: (tag) => ({ text: tag.name, value: tag.id }),
});
