// The connector's one ajv instance: strict draft-07 plus the connector's form keywords and formats,
// with every shared definition of schemas/ registered by its $id.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { packageRoot } from './paths.js';
import { formats } from './problems.js';

export { isDate, isDateTime, isEmail, maxInputDepth, preview, shapeProblems, toProblems } from './problems.js';

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

/** An ajv instance with the connector's keywords, formats and shared schemas; `options` adds e.g. `code` for standalone output. */
export const createAjv = (options: Options = {}): Ajv => {
  const instance = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true, ...options });
  for (const keyword of formKeywords) instance.addKeyword(keyword);
  for (const [name, { validate }] of Object.entries(formats)) instance.addFormat(name, { type: 'string', validate });
  // Registered without validating them against the meta-schema here (that costs a start ~50 ms): the
  // test suite checks every shared schema with sharedSchemaProblems(), and compile() checks each operation's.
  for (const schema of sharedSchemas.values()) instance.addSchema(schema, undefined, undefined, false);
  return instance;
};

export const ajv = createAjv();

/** Why the shared schemas are not valid draft-07 with the connector's keywords ([] when they are). */
export const sharedSchemaProblems = (): string[] =>
  [...sharedSchemas.entries()].flatMap(([id, schema]) => (ajv.validateSchema(schema) ? [] : [`${id}: ${ajv.errorsText(ajv.errors)}`]));

export const compile = (schema: JsonSchema): ValidateFunction => ajv.compile(schema);

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
