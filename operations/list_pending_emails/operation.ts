import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_pending_emails',
  title: 'List pending emails',
  description:
    "Lists the emails waiting to be sent by an external email client (the team's own mail integration), paged as asked.",
  method: 'GET',
  path: '/v2/pending_emails',
});
