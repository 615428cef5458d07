import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_call_dispositions',
  title: 'List call dispositions',
  description: "Lists the team's call dispositions (call results such as \"Connected\"), whose names Create call and List calls take. They are configured in the SalesLoft app.",
  method: 'GET',
  path: '/v2/call_dispositions',
});
