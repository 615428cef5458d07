import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_saved_list_views',
  title: 'List saved list views',
  description:
    'Lists the saved list views (named filters of the people, companies or recordings lists) of the user, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/saved_list_views',
  rename: { saved_list_view_ids: 'ids' },
});
