import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_saved_list_view',
  title: 'Delete saved list view',
  description:
    'Deletes a saved list view.',
  method: 'DELETE',
  path: '/v2/saved_list_views/{saved_list_view_id}',
});
