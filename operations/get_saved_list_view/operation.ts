import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_saved_list_view',
  title: 'Get saved list view',
  description:
    'Gets a saved list view: its name, view type, parameters and whether it is the default.',
  method: 'GET',
  path: '/v2/saved_list_views/{saved_list_view_id}',
});
