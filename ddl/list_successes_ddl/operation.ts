import { defineDdl, minuteOf } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_successes_ddl',
  title: 'List successes (DDL)',
  description: 'Successes for a dropdown: the person and when they succeeded, valued by the success id. Typed text is matched against these texts, within the first 500 records.',
  path: '/v2/successes',
  paging: 'pages',
  search: 'text',
  choice: (success) => (success.id == null ? undefined : { text: `Person #${String(success.person?.id ?? '?')} – ${minuteOf(success.succeeded_at)}`, value: success.id }),
});
