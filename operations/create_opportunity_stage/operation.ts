import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_opportunity_stage',
  title: "Create opportunity stage",
  description: "Creates an opportunity stage, which opportunities imported through the API can then use. Teams with Salesforce, Dynamics or HubSpot can only read opportunities through the API; changes are made in the CRM.",
  method: 'POST',
  path: '/v2/opportunity_stages',
  forbiddenHint: "Changing opportunity stages and opportunity people needs the opportunities:write scope and a team without a connected CRM (Salesforce, Dynamics and HubSpot teams can only read opportunities): ask a SalesLoft admin.",
});
