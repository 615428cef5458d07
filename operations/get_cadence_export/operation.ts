import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_cadence_export',
  title: 'Export cadence',
  description:
    'Exports a cadence as JSON (its settings, sharing settings and steps), to import it elsewhere with Import cadence.',
  method: 'GET',
  path: '/v2/cadence_exports/{cadence_id}',
});
