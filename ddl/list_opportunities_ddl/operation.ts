import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_opportunities_ddl',
  title: "List opportunities (DDL)",
  description: "Opportunities for a dropdown: the name with its stage, valued by its id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/opportunities',
  paging: 'pages',
  search: 'text',
  choice: (opportunity) => ({ text: opportunity.stage_name ? `${opportunity.name} (${opportunity.stage_name})` : String(opportunity.name), value: opportunity.id }),
});
