import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_tags_values_ddl',
  title: 'List tags values (DDL)',
  description: 'Tags for a dropdown, valued by their name: people and accounts take their tags, and the tag filters, by name.',
  path: '/v2/tags',
  paging: 'pages',
  search: 'api',
  choice: (tag) => (tag.name ? { text: tag.name, value: tag.name } : undefined),
});
