// The connector's one ajv instance: strict draft-07 plus the connector's form keywords and formats,
// with every shared definition of schemas/ registered by its $id.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { InputProblem } from './operation.js';
import { packageRoot } from './paths.js';
import { containsSecret } from './secrets.js';

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

// Format checks: anchored patterns without nested quantifiers plus calendar arithmetic, so each runs in
// time linear in the value (a hostile megabyte is refused at once) and refuses impossible dates.
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?$/;
const longestDateTime = 40;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const isCalendarDate = (year: string, month: string, day: string): boolean => {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(year), m);
};

export const isDate = (value: string): boolean => {
  const match = value.length === 10 ? datePattern.exec(value) : null;
  return match !== null && isCalendarDate(match[1], match[2], match[3]);
};

export const isDateTime = (value: string): boolean => {
  const match = value.length <= longestDateTime ? dateTimePattern.exec(value) : null;
  if (!match) return false;
  const [, year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] = match;
  return (
    isCalendarDate(year, month, day) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59
  );
};

const longestEmail = 320;

/** One "@", something before it, a dotted domain after it, no whitespace: checked in one pass. */
export const isEmail = (value: string): boolean => {
  if (value.length > longestEmail || /\s/.test(value)) return false;
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@')) return false;
  const dot = value.indexOf('.', at + 2);
  return dot !== -1 && dot < value.length - 1;
};

const dateExpected = 'a real calendar date such as 2024-01-31';
const dateTimeExpected = 'a real ISO 8601 date-time such as 2024-01-31T09:00:00Z';
const formats: Record<string, { validate: (value: string) => boolean; expected: string }> = {
  'date-time': { validate: isDateTime, expected: dateTimeExpected },
  date: { validate: isDate, expected: dateExpected },
  'iso-datetime': { validate: isDateTime, expected: dateTimeExpected },
  'iso-date': { validate: isDate, expected: dateExpected },
  'iso-date-or-datetime': {
    validate: (value) => isDate(value) || isDateTime(value),
    expected: 'a real ISO 8601 date (2024-01-31) or date-time (2024-01-31T09:00:00Z)',
  },
  email: { validate: isEmail, expected: 'an email address such as jane@example.com' },
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
for (const [name, { validate }] of Object.entries(formats)) ajv.addFormat(name, { type: 'string', validate });
// Registered without validating them against the meta-schema here (that costs a CLI run ~50 ms at start):
// the test suite checks every shared schema with sharedSchemaProblems(), and compile() checks each operation's.
for (const schema of sharedSchemas.values()) ajv.addSchema(schema, undefined, undefined, false);

/** Why the shared schemas are not valid draft-07 with the connector's keywords ([] when they are). */
export const sharedSchemaProblems = (): string[] =>
  [...sharedSchemas.entries()].flatMap(([id, schema]) => (ajv.validateSchema(schema) ? [] : [`${id}: ${ajv.errorsText(ajv.errors)}`]));

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

const longestEcho = 100;

/**
 * A bad value as an error message shows it: at most about 100 characters, and never a value that
 * holds a secret (a token pasted into the wrong field is not repeated back).
 */
export const preview = (value: unknown): string => {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return `a ${typeOf(value)}`;
  }
  if (containsSecret(text.slice(0, 100_000))) return 'a value that holds a secret, not shown';
  const shown = text.length > longestEcho ? `${text.slice(0, longestEcho)}…` : text;
  return typeof value === 'string' ? JSON.stringify(shown) : shown;
};

/** The deepest nesting an input may have; deeper values are refused before anything else looks at them. */
export const maxInputDepth = 32;

/**
 * What no schema states but every input must respect: nesting at most 32 levels (a cycle is endless
 * nesting) and whole numbers within the safe-integer range (1e21 would be sent as "1e+21"). Walked
 * without recursion, so any value is checked in time linear in its size.
 */
export const shapeProblems = (input: unknown): InputProblem[] => {
  const problems: InputProblem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: input, path: '', depth: 0 }];
  while (stack.length && problems.length < 20) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push({ path, message: 'must be a finite number' });
      else if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        problems.push({ path, message: `must be a whole number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER} (got ${preview(value)})` });
      }
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= maxInputDepth) {
      problems.push({ path, message: `is nested too deeply: inputs may nest at most ${maxInputDepth} levels` });
      continue;
    }
    if (Array.isArray(value)) value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
    else for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
  }
  return problems;
};

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
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${preview(error.data)})`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'pattern':
      return params.pattern === recordIdPattern
        ? `must be a record id: a positive whole number (got ${preview(error.data)})`
        : `must match the pattern ${String(params.pattern)} (got ${preview(error.data)})`;
    case 'format':
      return `must be ${formats[String(params.format)]?.expected ?? String(params.format)} (got ${preview(error.data)})`;
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
