import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_steps_ddl',
  title: 'List steps (DDL)',
  description: 'Cadence steps for a dropdown: the step display name, valued by its id; only one cadence\'s steps when a cadence is given. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/steps',
  paging: 'pages',
  search: 'text',
  query: (input) => ({ cadence_id: input.cadence_id }),
  choice: (step) => ({ text: step.display_name || step.name, value: step.id }),
});
