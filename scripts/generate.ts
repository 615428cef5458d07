// Regenerates connector.json and connector/types.generated.ts from the registry (`npm run generate`).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifest } from '../connector/manifest.js';
import { packageRoot } from '../connector/paths.js';
import { loadRegistry } from '../connector/registry.js';
import { generateTypes } from './typegen.js';

export const manifestText = (manifest: unknown): string => `${JSON.stringify(manifest, null, 2)}\n`;

const manifest = buildManifest(await loadRegistry());
writeFileSync(join(packageRoot, 'connector.json'), manifestText(manifest));
writeFileSync(join(packageRoot, 'connector', 'types.generated.ts'), await generateTypes(manifest));
console.log(`connector.json and connector/types.generated.ts: ${manifest.operations.length} operations`);
