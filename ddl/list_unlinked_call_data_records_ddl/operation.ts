import { defineDdl } from '../../connector/operation.js';
import { callDataRecordChoice } from '../list_call_data_records_ddl/choice.js';

export default defineDdl({
  name: 'list_unlinked_call_data_records_ddl',
  title: 'List unlinked call data records (DDL)',
  description: 'Call data records that no call is logged for yet (the ones a new call can be linked to), valued by the record id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/call_data_records',
  paging: 'pages',
  search: 'text',
  query: () => ({ has_call: false }),
  choice: callDataRecordChoice,
});
