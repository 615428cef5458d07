// Input checks that need no ajv: the connector's formats, the shape bounds every input must respect,
// and ajv's errors turned into readable problems. Kept apart from the ajv instance (schema.ts) so that a
// run whose validator was compiled at build time (dist/validators/) never loads ajv.

import type { ErrorObject } from 'ajv';
import type { InputProblem } from './operation.js';
import { containsSecret } from './secrets.js';

type JsonSchema = Record<string, unknown>;

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
export const formats: Record<string, { validate: (value: string) => boolean; expected: string }> = {
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
