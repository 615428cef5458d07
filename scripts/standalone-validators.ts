// Part of `npm run build`: each operation's input validator as ajv standalone code in
// dist/validators/<name>.input.js, so that a CLI run (or any run from dist/) validates without
// loading or warming up ajv. The runner falls back to compiling when a file is missing.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { loadRegistry, standaloneValidatorPath } from '../connector/registry.js';
import { createAjv } from '../connector/schema.js';

// Generated code names the formats `formats.<name>` and loads ajv's runtime helpers with require().
const header = `import { createRequire } from 'node:module';
import { formats } from '../connector/problems.js';
const require = createRequire(import.meta.url);
`;

const ajv = createAjv({ code: { source: true, esm: true, formats: _`formats` } });
const registry = await loadRegistry();
const folder = dirname(standaloneValidatorPath('x', 'input')); // one folder for every operation's validator
mkdirSync(folder, { recursive: true });
let written = 0;
for (const { operation, inputSchema } of registry.all()) {
  const path = standaloneValidatorPath(operation.name, 'input');
  writeFileSync(path, `${header}${standaloneCode.default(ajv, ajv.compile(inputSchema))}\n`);
  written += 1;
}
console.log(`standalone validators: ${written} written to ${folder}`);
