import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_phone_number_assignments_ddl',
  title: 'List phone number assignments (DDL)',
  description: 'Phone number assignments for a dropdown: the number, valued by the assignment id. Typed text is matched against these texts, within the first 500 records.',
  path: '/v2/phone_number_assignments',
  paging: 'pages',
  search: 'text',
  choice: (assignment) => (assignment.id == null ? undefined : { text: String(assignment.number ?? `Assignment #${assignment.id}`), value: assignment.id }),
});
