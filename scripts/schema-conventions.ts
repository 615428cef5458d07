// The mechanical part of the team's schema conventions, applied to every source schema (operations/,
// ddl/, triggers/, schemas/) by scripts/convert-schemas.ts, so that it can be re-run after merging
// branches that still use the old spellings. Converting twice changes nothing.
//
// - `format: iso-datetime` -> `date-time`, `iso-date` -> `date` (the standard names renderers know);
// - `format: iso-date-or-datetime` -> an `anyOf` of a titled date branch and a titled date-time branch.
//
// Only files that change are rewritten (2-space JSON, trailing newline).

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../connector/paths.js';
import { isPlainObject, type JsonSchema } from '../connector/schema.js';

type Json = unknown;

const renamedFormats: Record<string, string> = { 'iso-datetime': 'date-time', 'iso-date': 'date' };

export const dateOrDateTimeBranches = [
  { title: 'Date (2024-01-31)', description: 'A calendar date such as 2024-01-31.', type: 'string', format: 'date' },
  { title: 'Date and time (2024-01-31T09:00:00Z)', description: 'An ISO 8601 date-time such as 2024-01-31T09:00:00Z.', type: 'string', format: 'date-time' },
];


/** The schema in the conventions; `properties` maps names to schemas, so its keys are never keywords. */
export const convertSchema = (schema: Json): Json => {
  if (Array.isArray(schema)) return schema.map(convertSchema);
  if (!isPlainObject(schema)) return schema;
  const converted: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    converted[key] =
      (key === 'properties' || key === 'definitions' || key === 'patternProperties') && isPlainObject(value)
        ? Object.fromEntries(Object.entries(value).map(([name, child]) => [name, convertSchema(child)]))
        : convertSchema(value);
  }
  const format = converted.format;
  if (typeof format === 'string' && renamedFormats[format]) converted.format = renamedFormats[format];
  if (format === 'iso-date-or-datetime') {
    delete converted.format;
    converted.anyOf = dateOrDateTimeBranches;
  }
  return converted;
};

const filesUnder = (dir: string, suffix: string): string[] =>
  !existsSync(dir)
    ? []
    : readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) return filesUnder(path, suffix);
        return entry.endsWith(suffix) ? [path] : [];
      });

/** Every source schema: the operations' input and output schemas and the shared definitions. */
export const sourceSchemaFiles = (root = packageRoot): string[] => [
  ...['operations', 'ddl', 'triggers'].flatMap((folder) => filesUnder(join(root, folder), '.schema.json')),
  ...filesUnder(join(root, 'schemas'), '.json'),
];

export const convertAll = (root = packageRoot): string[] => {
  const changed: string[] = [];
  for (const path of sourceSchemaFiles(root)) {
    const text = readFileSync(path, 'utf8');
    const before = JSON.parse(text) as Json;
    const after = convertSchema(before);
    if (JSON.stringify(after) === JSON.stringify(before)) continue;
    writeFileSync(path, `${JSON.stringify(after, null, 2)}\n`);
    changed.push(relative(root, path));
  }
  return changed;
};
