import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_person_stages',
  title: 'List person stages',
  description: 'Lists person stages, filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/person_stages',
  rename: { person_stage_ids: 'ids' },
});
