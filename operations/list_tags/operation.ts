import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_tags',
  title: 'List tags',
  description: 'Lists the team\'s tags, filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/tags',
  rename: { tag_ids: 'ids' },
});
