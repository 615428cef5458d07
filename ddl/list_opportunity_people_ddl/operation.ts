import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_opportunity_people_ddl',
  title: "List opportunity people (DDL)",
  description: "Opportunity-person associations for a dropdown, valued by the association's id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/opportunity_people',
  paging: 'pages',
  search: 'text',
  choice: (association) => ({ text: `Person ${association.person?.id} on opportunity ${association.opportunity?.id}`, value: association.id }),
});
