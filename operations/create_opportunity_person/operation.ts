import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_opportunity_person',
  title: "Create opportunity person",
  description: "Associates a person with an opportunity (a person is associated with an opportunity once). Teams with Salesforce, Dynamics or HubSpot can only read opportunities through the API; changes are made in the CRM. Shape from SalesLoft's Postman collection; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/opportunity_people',
  forbiddenHint: "Changing opportunity stages and opportunity people needs the opportunities:write scope and a team without a connected CRM (Salesforce, Dynamics and HubSpot teams can only read opportunities): ask a SalesLoft admin.",
});
