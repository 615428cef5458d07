// connector/types.generated.ts from the operations' source schemas, with json-schema-to-typescript.
// Every shared definition an operation `$ref`s (schemas/resources/*.json, common.json's definitions,
// list metadata, the DDL result) becomes one named type that the operations reference, instead of
// being inlined into each of them.

import { compile } from 'json-schema-to-typescript';
import type { Registry } from '../connector/registry.js';
import { isPlainObject, refine, resolvePointer, sharedSchemas, type JsonSchema } from '../connector/schema.js';

const pascal = (name: string): string => name.replace(/(^|[_-])([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());

/** Keywords that say nothing about which values are allowed. */
const annotations = new Set(['$schema', 'title', 'description', 'lookup', 'advanced', 'enumLabels', 'default', 'examples', '$comment']);

/**
 * `$ref` siblings that only annotate (a title, a lookup on `items`, the repeated `type` strict mode
 * wants) leave the referenced type as it is, so the reference can be named; any other sibling
 * refines the type and the reference is inlined instead.
 */
const onlyAnnotates = (siblings: JsonSchema, target: JsonSchema): boolean =>
  Object.entries(siblings).every(([key, value]) => {
    if (annotations.has(key)) return true;
    if (key === 'type') return JSON.stringify(value) === JSON.stringify(target.type);
    if (key === 'items') return isPlainObject(value) && isPlainObject(target.items) && onlyAnnotates(value, {});
    if (key === 'properties') {
      const targetProperties = isPlainObject(target.properties) ? target.properties : {};
      return isPlainObject(value) && Object.entries(value).every(([name, child]) => isPlainObject(child) && isPlainObject(targetProperties[name]) && onlyAnnotates(child, {}));
    }
    return false;
  });

/** `/schemas/resources/person.json` -> Person; `/schemas/common.json#/definitions/time_range` -> TimeRange. */
const typeNameOf = (documentId: string, pointer: string): string =>
  pascal(pointer ? pointer.split('/').pop()! : documentId.split('/').pop()!.replace(/\.json$/, ''));

/**
 * Only what decides the type: nested titles would become separately named types that clash between
 * operations, and the descriptions (read in the schemas, connector.json or `describe`) would more than
 * double the file.
 */
const typeOnly = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(typeOnly);
  if (!isPlainObject(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !['title', 'description', '$schema', '$id', 'definitions'].includes(key))
      .map(([key, value]) => [key, key === 'properties' && isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([p, s]) => [p, typeOnly(s)])) : typeOnly(value)]),
  );
};

const options = { bannerComment: '', format: false, additionalProperties: true, declareExternallyReferenced: false, strictIndexSignatures: false } as const;

/**
 * An anyOf/oneOf whose branches only require some of the object's own properties ("an email
 * address, or a phone and a last name") as branches typed by those properties and closed, so that
 * the union keeps TypeScript's excess-property check (an open branch would accept any field).
 */
const requirementsAsTypes = (schema: JsonSchema): JsonSchema => {
  const properties = schema.properties;
  if (!isPlainObject(properties)) return schema;
  const converted = { ...schema };
  for (const keyword of ['anyOf', 'oneOf']) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const onlyRequire = branches.every((branch) => isPlainObject(branch) && Array.isArray(branch.required) && Object.keys(branch).every((key) => ['title', 'description', 'properties', 'required'].includes(key)));
    if (!onlyRequire) continue;
    converted[keyword] = branches.map((branch: JsonSchema) => ({
      type: 'object',
      additionalProperties: false,
      required: branch.required,
      properties: Object.fromEntries((branch.required as string[]).map((name) => [name, properties[name] ?? {}])),
    }));
  }
  return converted;
};

class SharedTypes {
  /** Type name -> its `$ref` target, for the named types in use. */
  private readonly targets = new Map<string, { documentId: string; pointer: string }>();

  /** The schema with each shared `$ref` that only annotates replaced by its type's name (`tsType`). */
  named(schema: unknown, base: string): unknown {
    if (Array.isArray(schema)) return schema.map((item) => this.named(item, base));
    if (!isPlainObject(schema)) return schema;
    const { $ref, ...siblings } = schema;
    const own = Object.fromEntries(
      Object.entries(siblings).map(([key, value]) => [
        key,
        key === 'properties' && isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([p, s]) => [p, this.named(s, base)])) : this.named(value, base),
      ]),
    );
    if (typeof $ref !== 'string') return requirementsAsTypes(own);
    const [reference, pointer = ''] = $ref.split('#');
    const documentId = reference || base;
    const document = sharedSchemas().get(documentId);
    if (!document) throw new Error(`unknown schema $ref ${$ref} (in ${base || 'an operation schema'})`);
    const target = resolvePointer(document, pointer);
    if (!onlyAnnotates(siblings, target)) {
      return refine(this.named(target, documentId) as JsonSchema, own);
    }
    const name = typeNameOf(documentId, pointer);
    const known = this.targets.get(name);
    if (known && (known.documentId !== documentId || known.pointer !== pointer)) {
      throw new Error(`two shared schemas would both be named ${name}: ${known.documentId}#${known.pointer} and ${$ref}`);
    }
    this.targets.set(name, { documentId, pointer });
    return { tsType: name };
  }

  /** One declaration per named type, including the ones the named types themselves reference. */
  async declarations(): Promise<string[]> {
    const blocks = new Map<string, string>();
    for (let pending = [...this.targets.keys()]; pending.length; pending = [...this.targets.keys()].filter((name) => !blocks.has(name))) {
      for (const name of pending) {
        const { documentId, pointer } = this.targets.get(name)!;
        const schema = this.named(resolvePointer(sharedSchemas().get(documentId)!, pointer), documentId);
        blocks.set(name, (await compile(typeOnly(schema) as never, name, options)).trim());
      }
    }
    return [...blocks.keys()].sort().map((name) => blocks.get(name)!);
  }
}

export const generateTypes = async (registry: Registry): Promise<string> => {
  const shared = new SharedTypes();
  const blocks: string[] = [];
  const entries: string[] = [];
  for (const { operation, inputSchema, outputSchema } of registry.all()) {
    const base = pascal(operation.name);
    for (const [which, schema] of [['Input', inputSchema], ['Output', outputSchema]] as const) {
      blocks.push((await compile(typeOnly(shared.named(schema, '')) as never, `${base}${which}`, options)).trim());
    }
    entries.push(`  ${operation.name}: { input: ${base}Input; output: ${base}Output };`);
  }
  return [
    "// Generated by `npm run generate` from the operations' schemas (json-schema-to-typescript). Do not edit.",
    '/* eslint-disable */',
    '',
    '// ---- shared definitions (schemas/), each named once ----',
    '',
    ...(await shared.declarations()).map((block) => `${block}\n`),
    '// ---- operations ----',
    '',
    ...blocks.map((block) => `${block}\n`),
    'export interface Operations {',
    ...entries,
    '}',
    '',
    'export type OperationName = keyof Operations;',
    '',
  ].join('\n');
};
