// Regenerates connector.json, connector/types.generated.ts and the README's operations table from
// the registry (`npm run generate`).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../connector/paths.js';
import { loadRegistry } from '../connector/registry.js';
import { generatedFiles } from './generated-files.js';

const files = await generatedFiles(await loadRegistry());
for (const [path, content] of Object.entries(files)) writeFileSync(join(packageRoot, path), content);
console.log(`generated ${Object.keys(files).join(', ')}`);
