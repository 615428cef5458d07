import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_call_sentiments',
  title: 'List call sentiments',
  description: "Lists the team's call sentiments (conversation outcomes), whose names Create call and List calls take. They are configured in the SalesLoft app.",
  method: 'GET',
  path: '/v2/call_sentiments',
});
