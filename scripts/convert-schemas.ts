// Rewrites the source schemas that do not yet follow the mechanical schema conventions
// (scripts/schema-conventions.ts): `npm run convert-schemas`, then `npm run generate`.

import { convertAll } from './schema-conventions.js';

const changed = convertAll();
console.log(changed.length ? `converted ${changed.length} schema files:\n  ${changed.join('\n  ')}` : 'every schema already follows the conventions');
