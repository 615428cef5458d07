import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_opportunity_stages_ddl',
  title: "List opportunity stages (DDL)",
  description: "Opportunity stages for a dropdown: the stage name, valued by its id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/opportunity_stages',
  paging: 'pages',
  search: 'text',
  choice: (stage) => ({ text: stage.name, value: stage.id }),
});
