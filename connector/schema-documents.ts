// The connector's schema documents without ajv: the shared definitions of schemas/ by their $id, and every
// `$ref` inlined for forms, the manifest and pagination. Kept apart from schema.ts so that reading schemas
// never loads or builds ajv (the CLI's `run` validates with prebuilt standalone code).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

export type JsonSchema = Record<string, unknown>;

const schemasFolder = join(packageRoot, 'schemas');

const jsonFilesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return jsonFilesUnder(path);
    return entry.endsWith('.json') ? [path] : [];
  });

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

let shared: ReadonlyMap<string, JsonSchema> | undefined;

/**
 * Every shared schema, by its $id (e.g. `/schemas/common.json`), read on first use: importing the
 * runner (a CLI run, a recipe) no longer reads the whole schemas/ folder before anything needs it.
 */
export const sharedSchemas = (): ReadonlyMap<string, JsonSchema> =>
  (shared ??= new Map(
    jsonFilesUnder(schemasFolder).map((path) => {
      const schema = readJson(path) as JsonSchema;
      return [String(schema.$id), schema];
    }),
  ));

export const isPlainObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `$ref` siblings refine the referenced schema (e.g. add a title, or a lookup on `items`). */
export const refine = (base: JsonSchema, siblings: JsonSchema): JsonSchema => {
  const merged: JsonSchema = { ...base };
  for (const [key, value] of Object.entries(siblings)) {
    merged[key] = isPlainObject(value) && isPlainObject(base[key]) ? refine(base[key] as JsonSchema, value) : value;
  }
  return merged;
};

export const resolvePointer = (schema: JsonSchema, pointer: string): JsonSchema =>
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
  const document = sharedSchemas().get(targetId);
  if (!document) throw new Error(`unknown schema $ref ${$ref} (in ${base || 'an operation schema'})`);
  const target = inlineRefs(resolvePointer(document, pointer), targetId, depth + 1) as JsonSchema;
  return refine(target, own);
};

const inlineProperties = (properties: unknown, base: string, depth: number): unknown =>
  isPlainObject(properties)
    ? Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, inlineRefs(schema, base, depth)]))
    : properties;
