import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_call_data_record',
  title: 'Get call data record',
  description:
    'Gets a call data record: one phone call made through SalesLoft, with its numbers, duration, direction, status, recording and the call logged for it.',
  method: 'GET',
  path: '/v2/call_data_records/{call_data_record_id}',
});
