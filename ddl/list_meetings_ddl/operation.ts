import { defineDdl, minuteOf } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_meetings_ddl',
  title: 'List meetings (DDL)',
  description: 'Meetings for a dropdown: the meeting title and start time, valued by its id. Typed text is matched against these texts, within the first 500 records.',
  path: '/v2/meetings',
  paging: 'pages',
  search: 'text',
  choice: (meeting) => (meeting.id == null ? undefined : { text: `${String(meeting.title ?? 'Meeting')} – ${minuteOf(meeting.start_time)}`, value: meeting.id }),
});
