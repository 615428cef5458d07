import { defineDdl } from '../../connector/operation.js';
import { callDataRecordChoice } from './choice.js';

export default defineDdl({
  name: 'list_call_data_records_ddl',
  title: 'List call data records (DDL)',
  description: 'Call data records for a dropdown, e.g. "Outbound call to +15551234567 on 2024-05-01 14:32", valued by the record id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/call_data_records',
  paging: 'pages',
  search: 'text',
  choice: callDataRecordChoice,
});
