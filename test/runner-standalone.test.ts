// The input validators `npm run build` compiles ahead (ajv standalone code in dist/validators/, used by
// runs from dist/ so that they never load ajv) give the same answers and the same problems as the ones
// compiled at run time, for every operation.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { packageRoot } from '../connector/paths.js';
import { toProblems } from '../connector/problems.js';
import { operations, registry, sample } from './support.js';

const distValidator = (name: string): string => join(packageRoot, 'dist', 'validators', `${name}.input.js`);

const inputs = (name: string): unknown[] => [
  sample(name, 'input.json'),
  {},
  { not_a_field: 1, per_page: 'many', fields: { email_address: 'not an email', due_date: '2024-02-30' }, updated_at: { gte: '2099-13-01T00:00:00Z' } },
];

test.each(operations.map((entry) => [entry.operation.name]))('%s: the prebuilt validator agrees with the compiled one', async (name) => {
  const path = distValidator(name);
  expect([name, existsSync(path)]).toEqual([name, true]);
  const { default: prebuilt } = (await import(pathToFileURL(path).href)) as { default: ValidateFunction };
  const compiled = registry.validator(name, 'input');
  for (const input of inputs(name)) {
    const answers = [prebuilt(input), compiled(input)];
    expect(answers[0]).toBe(answers[1]);
    expect(toProblems(prebuilt.errors ?? [])).toEqual(toProblems(compiled.errors ?? []));
  }
});
