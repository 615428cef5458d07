import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_successes',
  title: 'List successes',
  description:
    'Lists successes (a person who responded well to outreach, such as a booked meeting), with the latest email, call, action, cadence and step, filtered by person or last update, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/successes',
  rename: { success_ids: 'ids' },
});
