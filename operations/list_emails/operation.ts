import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_emails',
  title: 'List emails',
  description: 'Lists emails, filtered by recipient, person, user, cadence, step, status or date, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/activities/emails',
  rename: { email_ids: 'ids' },
});
