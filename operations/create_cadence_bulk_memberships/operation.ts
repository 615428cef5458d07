import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_cadence_bulk_memberships',
  title: "Create cadence bulk memberships",
  description: "Adds up to 100 people to a cadence in one request; each person is added or reported in errors with the reason (for example already on the cadence). Path and shape rest on SalesLoft's docs index (page title) only; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/cadence_bulk_memberships',
  forbiddenHint: "Adding people to someone else's cadence needs a team cadence, the cadence owner, or the Personal Cadence Admin permission; exports need a user who can see the cadences (cadences:read).",
});
