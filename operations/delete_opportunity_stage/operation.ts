import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_opportunity_stage',
  title: "Delete opportunity stage",
  description: "Deletes an opportunity stage. SalesLoft refuses to delete a stage that opportunities still use: move them to another stage first. Teams with Salesforce, Dynamics or HubSpot can only read opportunities through the API; changes are made in the CRM.",
  method: 'DELETE',
  path: '/v2/opportunity_stages/{opportunity_stage_id}',
  forbiddenHint: "Changing opportunity stages and opportunity people needs the opportunities:write scope and a team without a connected CRM (Salesforce, Dynamics and HubSpot teams can only read opportunities): ask a SalesLoft admin.",
});
