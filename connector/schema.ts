// The connector's one ajv instance: strict draft-07 plus the connector's form keywords and formats,
// with every shared definition of schemas/ registered by its $id.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { InputProblem } from './operation.js';
import { packageRoot } from './paths.js';

export type JsonSchema = Record<string, unknown>;

/** Keywords the form builders read; ajv only checks that they are well-formed. */
const formKeywords = [
  {
    keyword: 'lookup',
    metaSchema: {
      type: 'object',
      required: ['operation'],
      additionalProperties: false,
      properties: { operation: { type: 'string' }, input: { type: 'object' } },
    },
  },
  { keyword: 'advanced', metaSchema: { type: 'boolean' } },
  { keyword: 'enumLabels', metaSchema: { type: 'array', items: { type: 'string' } } },
];

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

const formats: Record<string, { pattern: RegExp; expected: string }> = {
  'iso-datetime': { pattern: isoDateTime, expected: 'an ISO 8601 date-time such as 2024-01-31T09:00:00Z' },
  'iso-date': { pattern: isoDate, expected: 'an ISO 8601 date such as 2024-01-31' },
  'iso-date-or-datetime': {
    pattern: new RegExp(`${isoDate.source}|${isoDateTime.source}`),
    expected: 'an ISO 8601 date (2024-01-31) or date-time (2024-01-31T09:00:00Z)',
  },
  email: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, expected: 'an email address such as jane@example.com' },
  // current-api: the standard format names the new schemas use (the schema conventions); same checks as iso-*.
  'date-time': { pattern: isoDateTime, expected: 'an ISO 8601 date-time such as 2024-01-31T09:00:00Z' },
  date: { pattern: isoDate, expected: 'an ISO 8601 date such as 2024-01-31' },
};

const schemasFolder = join(packageRoot, 'schemas');

const jsonFilesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return jsonFilesUnder(path);
    return entry.endsWith('.json') ? [path] : [];
  });

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Every shared schema, by its $id (e.g. `/schemas/common.json`). */
export const sharedSchemas: ReadonlyMap<string, JsonSchema> = new Map(
  jsonFilesUnder(schemasFolder).map((path) => {
    const schema = readJson(path) as JsonSchema;
    return [String(schema.$id), schema];
  }),
);

export const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
for (const keyword of formKeywords) ajv.addKeyword(keyword);
for (const [name, { pattern }] of Object.entries(formats)) ajv.addFormat(name, pattern);
for (const schema of sharedSchemas.values()) ajv.addSchema(schema);

export const compile = (schema: JsonSchema): ValidateFunction => ajv.compile(schema);

// ---- readable problems -------------------------------------------------------------------------

const fieldPath = (instancePath: string, child?: string): string => {
  const segments = instancePath.split('/').slice(1);
  if (child !== undefined) segments.push(child);
  return segments.reduce(
    (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment),
    '',
  );
};

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const describeBranch = (branch: JsonSchema): string => {
  if (typeof branch.title === 'string') return branch.title;
  if (branch.const !== undefined) return JSON.stringify(branch.const);
  if (Array.isArray(branch.required)) return `with ${branch.required.join(' and ')}`;
  if (typeof branch.$ref === 'string' && branch.$ref.endsWith('/record_id')) return 'a record id';
  if (branch.type) return `a ${[branch.type].flat().join(' or ')}`;
  return 'a valid value';
};

const recordIdPattern = '^[1-9][0-9]*$';

const describe = (error: ErrorObject): string => {
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as JsonSchema | undefined;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'dependencies':
      return `is required when ${String(params.property)} is given`;
    case 'additionalProperties': {
      const known = Object.keys((schema?.properties as object) ?? {});
      const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')} and ${known.length - 12} more` : known.join(', ');
      return `is not a field here (known fields: ${shown})`;
    }
    case 'type':
      return `must be ${String(params.type).replace(',', ' or ')} (got ${typeOf(error.data)})`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(error.data)})`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'pattern':
      return params.pattern === recordIdPattern
        ? `must be a record id: a positive whole number (got ${JSON.stringify(error.data)})`
        : `must match the pattern ${String(params.pattern)} (got ${JSON.stringify(error.data)})`;
    case 'format':
      return `must be ${formats[String(params.format)]?.expected ?? String(params.format)} (got ${JSON.stringify(error.data)})`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must have at least ${String(params.limit)} characters`;
    case 'minProperties':
      return `must have at least one of: ${Object.keys((schema?.properties as object) ?? {}).join(', ')}`;
    case 'anyOf':
    case 'oneOf':
      return `must be ${(error.schema as JsonSchema[]).map(describeBranch).join(', or ')}`;
    case 'not':
      return typeof schema?.description === 'string' ? `is not allowed: ${schema.description}` : 'is not allowed here';
    default:
      return error.message ?? 'is invalid';
  }
};

/** ajv's errors as one problem per field, the branches of a failed anyOf folded into one line. */
export const toProblems = (errors: readonly ErrorObject[]): InputProblem[] => {
  const folded = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const problems = errors
    .filter((e) => e.keyword !== 'if' && !folded.some((prefix) => e.schemaPath.startsWith(prefix)))
    .map((error) => {
      const params = error.params as Record<string, string>;
      const child =
        error.keyword === 'required' || error.keyword === 'dependencies'
          ? params.missingProperty
          : error.keyword === 'additionalProperties'
            ? params.additionalProperty
            : undefined;
      return { path: fieldPath(error.instancePath, child), message: describe(error) };
    });
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path} ${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

// ---- bundling ----------------------------------------------------------------------------------

const isPlainObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `$ref` siblings refine the referenced schema (e.g. add a title, or a lookup on `items`). */
const refine = (base: JsonSchema, siblings: JsonSchema): JsonSchema => {
  const merged: JsonSchema = { ...base };
  for (const [key, value] of Object.entries(siblings)) {
    merged[key] = isPlainObject(value) && isPlainObject(base[key]) ? refine(base[key] as JsonSchema, value) : value;
  }
  return merged;
};

const resolvePointer = (schema: JsonSchema, pointer: string): JsonSchema =>
  pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as JsonSchema)[key], schema) as JsonSchema;

/**
 * The schema with every `$ref` replaced by what it points at, so that a form builder (or the type
 * generator) can use it alone. `base` is the $id of the document being inlined, for local refs.
 */
export const inlineRefs = (schema: unknown, base = '', depth = 0): unknown => {
  if (depth > 40) throw new Error(`schema $ref nesting too deep at ${base}`);
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, base, depth));
  if (!isPlainObject(schema)) return schema;
  const { $ref, $id, $schema, definitions, ...rest } = schema;
  void $id;
  void $schema;
  void definitions;
  const own = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === 'properties' ? inlineProperties(value, base, depth) : inlineRefs(value, base, depth)]));
  if (typeof $ref !== 'string') return own;
  const [documentId, pointer = ''] = $ref.split('#');
  const targetId = documentId || base;
  const document = sharedSchemas.get(targetId);
  if (!document) throw new Error(`unknown schema $ref ${$ref} (in ${base || 'an operation schema'})`);
  const target = inlineRefs(resolvePointer(document, pointer), targetId, depth + 1) as JsonSchema;
  return refine(target, own);
};

const inlineProperties = (properties: unknown, base: string, depth: number): unknown =>
  isPlainObject(properties)
    ? Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, inlineRefs(schema, base, depth)]))
    : properties;
