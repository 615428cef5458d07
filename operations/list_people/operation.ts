import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_people',
  title: 'List people',
  description: 'Lists people, filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/people',
  rename: { person_ids: 'ids' },
});
