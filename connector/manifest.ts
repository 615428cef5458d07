// connector.json: what a workflow builder or an embedded editor reads to list operations and draw
// their forms. Built from the registry; every schema stands alone (shared definitions inlined), and
// input schemas are drawn the same by any stock JSON Schema form renderer (forStockRenderers).

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './paths.js';
import { isIdempotent } from './operation.js';
import type { Registry } from './registry.js';
import { inlineRefs, isPlainObject, type JsonSchema } from './schema-documents.js';

const { name, version, description } = createRequire(import.meta.url)(join(packageRoot, 'package.json')) as Record<string, string>;

const labelledChoices = (schema: JsonSchema): JsonSchema => {
  const { enum: values, ...rest } = schema;
  const labels = schema.enumLabels as string[];
  return { ...rest, oneOf: (values as unknown[]).map((value, index) => ({ const: value, title: labels[index] ?? String(value) })) };
};

/** An anyOf/oneOf branch that is a map: an object whose only rule on its keys is additionalProperties. */
const isMapBranch = (branch: unknown): branch is JsonSchema =>
  isPlainObject(branch) && branch.type === 'object' && isPlainObject(branch.additionalProperties) && branch.properties === undefined;

/**
 * The schema as stock form renderers (rjsf and the like) read it, validating exactly the same values;
 * the Tray-style keywords (`lookup`, `advanced`, `enumLabels`) stay for platforms that read them.
 * - A labelled enum becomes a `oneOf` of `{const, title}`, which renderers show with its labels; its
 *   `enum` goes (rjsf reads `enum` before `oneOf` and would show the raw values), `enumLabels` stays.
 *   The source schemas keep the Tray style, `enum` + `enumLabels`.
 * - A map branch of an anyOf/oneOf states its additionalProperties as `not: {not: ...}`: rjsf stubs
 *   such a branch with empty `properties` when matching a value against it and then fails to
 *   compile its own matcher ("anyOf must NOT have fewer than 1 items").
 * - An object whose shape is all in its anyOf/oneOf branches (each typed) drops its own `type`: rjsf
 *   labels the choice with the object's title only when the object is not typed `object`
 *   (raw_http_request's URL and Body).
 * - Beside an anyOf/oneOf, `dependencies` (field -> fields it needs) become `allOf` of `if`/`then`:
 *   rjsf resolves `dependencies` by merging the first matching branch in, so it never offers the
 *   choice (create_person's "By email address" / "By phone and last name").
 */
export const forStockRenderers = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(forStockRenderers);
  if (!isPlainObject(schema)) return schema;
  let converted: JsonSchema = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, forStockRenderers(value)]));
  if (Array.isArray(converted.enum) && Array.isArray(converted.enumLabels) && converted.oneOf === undefined) converted = labelledChoices(converted);
  const hasChoice = Array.isArray(converted.anyOf) || Array.isArray(converted.oneOf);
  if (hasChoice && isPlainObject(converted.dependencies) && Object.values(converted.dependencies).every(Array.isArray)) {
    const { dependencies, ...rest } = converted;
    const conditions = Object.entries(dependencies as Record<string, string[]>).map(([field, needs]) => ({
      if: { properties: { [field]: true }, required: [field] },
      then: { properties: Object.fromEntries(needs.map((need) => [need, true])), required: needs },
    }));
    converted = { ...rest, allOf: [...((rest.allOf as unknown[] | undefined) ?? []), ...conditions] };
  }
  const branches = (converted.anyOf ?? converted.oneOf) as unknown[] | undefined;
  const shapedByBranches =
    converted.type === 'object' &&
    converted.properties === undefined &&
    converted.additionalProperties === undefined &&
    branches?.every((branch) => isPlainObject(branch) && branch.type !== undefined);
  if (shapedByBranches) delete converted.type;
  for (const keyword of ['anyOf', 'oneOf']) {
    const branches = converted[keyword];
    if (!Array.isArray(branches)) continue;
    converted[keyword] = branches.map((branch: unknown) => {
      if (!isMapBranch(branch)) return branch;
      const { additionalProperties, ...rest } = branch;
      return { ...rest, not: { not: { additionalProperties } } };
    });
  }
  return converted;
};

export interface ManifestOperation {
  name: string;
  title: string;
  description: string;
  type: 'main' | 'ddl' | 'trigger';
  /** Triggers: `poll` (run with a state) or `webhook` (delivered by SalesLoft). */
  delivery?: 'poll' | 'webhook';
  resource?: string;
  /** Poll triggers: the list operation they read. */
  list_operation?: string;
  /** Webhook triggers: SalesLoft's event_type to subscribe to. */
  event_type?: string;
  scope?: string;
  method?: string;
  path?: string;
  idempotent?: boolean;
  input_schema: JsonSchema;
  output_schema: JsonSchema;
}

export const buildManifest = (registry: Registry) => ({
  name,
  title: 'SalesLoft',
  version,
  description,
  service: { name: 'salesloft', api_version: 'v2', base_url: 'https://api.salesloft.com' },
  auth: {
    type: 'bearer',
    description:
      'A SalesLoft OAuth access token or API key, sent as "Authorization: Bearer <token>". Given as access_token in an input, the accessToken option, or the SALESLOFT_ACCESS_TOKEN environment variable.',
    input_property: 'access_token',
    environment_variable: 'SALESLOFT_ACCESS_TOKEN',
  },
  raw_http: { enabled: true, operation: 'raw_http_request' },
  operations: registry.all().map(({ operation, inputSchema, outputSchema }): ManifestOperation => {
    const http =
      operation.kind === 'main'
        ? operation.raw
          ? { method: '*', path: '*' }
          : { method: operation.method, path: operation.path, idempotent: isIdempotent(operation) }
        : operation.kind === 'ddl' && operation.path
          ? { method: 'GET', path: operation.path }
          : {};
    const trigger =
      operation.kind === 'trigger'
        ? { delivery: operation.delivery, resource: operation.resource, list_operation: operation.list, event_type: operation.eventType, scope: operation.scope }
        : {};
    return {
      name: operation.name,
      title: operation.title,
      description: operation.description,
      type: operation.kind,
      ...trigger,
      ...http,
      input_schema: forStockRenderers(inlineRefs(inputSchema)) as JsonSchema,
      output_schema: inlineRefs(outputSchema) as JsonSchema,
    };
  }),
});

export type Manifest = ReturnType<typeof buildManifest>;
