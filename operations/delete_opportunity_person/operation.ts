import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'delete_opportunity_person',
  title: "Delete opportunity person",
  description: "Removes a person's association with an opportunity; the person and the opportunity stay. Teams with Salesforce, Dynamics or HubSpot can only read opportunities through the API; changes are made in the CRM.",
  method: 'DELETE',
  path: '/v2/opportunity_people/{opportunity_person_id}',
  forbiddenHint: "Changing opportunity stages and opportunity people needs the opportunities:write scope and a team without a connected CRM (Salesforce, Dynamics and HubSpot teams can only read opportunities): ask a SalesLoft admin.",
});
