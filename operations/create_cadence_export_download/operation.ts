import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_cadence_export_download',
  title: "Create cadence export download",
  description: "Exports cadences (settings and steps) to a file and answers with a signed download URL that expires (see expires_at): download it at once and ask again for a fresh URL. Path and shape rest on SalesLoft's docs index (page title) only; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/cadence_export_downloads',
  forbiddenHint: "Adding people to someone else's cadence needs a team cadence, the cadence owner, or the Personal Cadence Admin permission; exports need a user who can see the cadences (cadences:read).",
});
