import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'update_saved_list_view',
  title: 'Update saved list view',
  description:
    'Renames a saved list view, changes its parameters or makes it the default.',
  method: 'PUT',
  path: '/v2/saved_list_views/{saved_list_view_id}',
});
