// connector.json, the generated types and the README's operations table must match the registry.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../connector/paths.js';
import { generatedFiles } from '../scripts/generated-files.js';
import { registry } from './support.js';

const files = await generatedFiles(registry);

test.each(Object.keys(files))('%s is up to date (run `npm run generate` after changing an operation)', (path) => {
  expect(readFileSync(join(packageRoot, path), 'utf8') === files[path]).toBe(true);
});

test('the manifest lists every operation with standalone schemas', () => {
  const manifest = JSON.parse(files['connector.json']);
  expect(manifest.operations.map((op: { name: string }) => op.name)).toEqual(registry.all().map((entry) => entry.operation.name));
  expect(files['connector.json']).not.toContain('"$ref"');
});
