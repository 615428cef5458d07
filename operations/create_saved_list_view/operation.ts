import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_saved_list_view',
  title: 'Create saved list view',
  description:
    'Saves a list view: a named filter of the people, companies or recordings list.',
  method: 'POST',
  path: '/v2/saved_list_views',
});
