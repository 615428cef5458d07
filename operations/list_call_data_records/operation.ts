import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_call_data_records',
  title: 'List call data records',
  description:
    'Lists call data records: every inbound and outbound phone call made through SalesLoft, whether or not a call was logged for it, filtered (direction, status, sentiment, disposition, recordings, group...), paged and sorted as asked. SalesLoft returns only the records created within the past year.',
  method: 'GET',
  path: '/v2/call_data_records',
  rename: { call_data_record_ids: 'ids' },
});
