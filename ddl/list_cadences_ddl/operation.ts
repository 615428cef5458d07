import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_cadences_ddl',
  title: 'List cadences (DDL)',
  description: 'Cadences for a dropdown: the cadence name, valued by its id; optionally only those people can be added to. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/cadences',
  paging: 'pages',
  search: 'text',
  query: (input) => ({ people_addable: input.people_addable }),
  choice: (cadence) => ({ text: cadence.name, value: cadence.id }),
});
