import { defineDdl, minuteOf } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_calls_ddl',
  title: 'List calls (DDL)',
  description: 'Calls for a dropdown, e.g. "Call to +15551234567 on 2024-05-01 14:32 – Interested", valued by the call id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/activities/calls',
  paging: 'pages',
  search: 'text',
  // Calls have no name: the number called, the time and the disposition describe them.
  choice: (call) => {
    if (call.id == null) return undefined;
    const parts = ['Call'];
    if (call.to) parts.push(`to ${call.to}`);
    if (call.created_at) parts.push(`on ${minuteOf(call.created_at)}`);
    if (parts.length === 1) parts.push(`#${call.id}`);
    return { text: call.disposition ? `${parts.join(' ')} – ${call.disposition}` : parts.join(' '), value: call.id };
  },
});
