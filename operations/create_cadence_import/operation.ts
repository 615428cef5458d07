import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_cadence_import',
  title: 'Import cadence',
  description:
    'Creates a cadence from JSON (as Export cadence gives it), or imports steps onto an existing cadence that has none.',
  method: 'POST',
  path: '/v2/cadence_imports',
});
