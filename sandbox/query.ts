// Rails-style parameter parsing and the small value coercions the sandbox needs.
//   ids[]=1&ids[]=2        -> { ids: ['1', '2'] }
//   ids=1,2                -> { ids: '1,2' }        (toList splits it)
//   updated_at[gte]=ISO    -> { updated_at: { gte: 'ISO' } }
//   custom_fields[Name]=v  -> { custom_fields: { Name: 'v' } }
//   data[][name]=x         -> { data: [{ name: 'x' }] }

export type Params = Record<string, unknown>;

/** Brackets a parameter name may nest (Rack's default); deeper names are refused with a 400. */
export const MAX_PARAM_DEPTH = 32;

/** Parameters a query string or form body may hold; more are refused with a 400 (keeps parsing short). */
export const MAX_PARAMS = 50_000;

/** A query string or body the sandbox refuses to read (answered 400). */
export class ParamsError extends Error {}

/** The start of a long value, for messages that must stay short. */
export const excerpt = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text);

function splitKey(key: string, maxDepth: number): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  let end = open;
  // Each `[name]` in turn, found with indexOf so that the walk stays linear in the key's length.
  for (let o = key.indexOf('[', end); o >= 0; o = key.indexOf('[', end)) {
    const close = key.indexOf(']', o + 1);
    if (close < 0) break;
    if (parts.length > maxDepth) throw new ParamsError(`parameter ${excerpt(key)} is nested more than ${maxDepth} brackets deep`);
    parts.push(key.slice(o + 1, close));
    end = close + 1;
  }
  // Anything after the last bracket (malformed key) stays part of the last name.
  if (end < key.length) parts[parts.length - 1] += key.slice(end);
  return parts;
}

function isPlainObject(v: unknown): v is Params {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** Sets `value` at the path `parts` (Rails' rules for `key[]` and `key[][sub]`), walking down without recursion. */
function assign(target: Params, parts: string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < parts.length; i++) {
    const head = parts[i]!;
    if (UNSAFE_NAMES.has(head)) return;
    if (i === parts.length - 1) {
      const existing = node[head];
      // A repeated plain key (ids=1&ids=2) becomes an array.
      if (existing === undefined) node[head] = value;
      else if (Array.isArray(existing)) existing.push(value);
      else node[head] = [existing, value];
      return;
    }
    if (parts[i + 1] === '') {
      // key[] or key[][sub]
      const arr = Array.isArray(node[head]) ? (node[head] as unknown[]) : [];
      node[head] = arr;
      if (i + 1 === parts.length - 1) {
        arr.push(value);
        return;
      }
      const last = arr[arr.length - 1];
      // Start a new element when the last one already has this field (Rails' rule).
      if (isPlainObject(last) && !(parts[i + 2]! in last)) node = last;
      else {
        const obj: Params = {};
        arr.push(obj);
        node = obj;
      }
      i++; // the '' of `[]`
      continue;
    }
    const child = isPlainObject(node[head]) ? (node[head] as Params) : {};
    node[head] = child;
    node = child;
  }
}

/**
 * Parses a query string or a form-urlencoded body, Rails style, in one pass; `value` maps each value (a form body's
 * coerceFormValue). A name nested deeper than maxDepth is a ParamsError.
 */
export function parseParams(source: string | URLSearchParams, maxDepth = MAX_PARAM_DEPTH, value: (v: string) => unknown = (v) => v): Params {
  const search = typeof source === 'string' ? new URLSearchParams(source) : source;
  const out: Params = {};
  let count = 0;
  for (const [key, v] of search) {
    if (++count > MAX_PARAMS) throw new ParamsError(`there are more than ${MAX_PARAMS} parameters; send fewer per request, or a JSON body`);
    if (key === '') continue;
    assign(out, splitKey(key, maxDepth), value(v));
  }
  return out;
}

/** Whether JSON text nests arrays/objects deeper than maxDepth (one linear pass, before parsing it). */
export function jsonTooDeep(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** A form value that is clearly a boolean or null ("true", "false", "null") as one; other values as they are. */
export function coerceFormValue(v: string): unknown {
  return v === 'true' ? true : v === 'false' ? false : v === 'null' ? null : v;
}

/** A list filter value: key[]=a&key[]=b, key=a,b or a single value. */
export function toList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap((x) => (x === null || x === undefined ? [] : [String(x)])).filter((x) => x !== '');
  if (isPlainObject(v)) return [];
  const str = String(v).trim();
  if (str.startsWith('[') && str.endsWith(']')) {
    // group_ids accepts a JSON array string: group_ids=[1,2]
    try {
      const parsed: unknown = JSON.parse(str);
      if (Array.isArray(parsed)) return toList(parsed);
    } catch {
      /* not JSON: split below */
    }
  }
  return str
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** true/false from a boolean or "true"/"false"/"1"/"0"; undefined when it is neither. */
export function toBool(v: unknown): boolean | undefined {
  if (Array.isArray(v)) v = v[0];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (s === 'true' || s === '1' || s === 't' || s === 'yes') return true;
  if (s === 'false' || s === '0' || s === 'f' || s === 'no') return false;
  return undefined;
}

/** An integer from a number or numeric string; undefined otherwise. */
export function toInt(v: unknown): number | undefined {
  if (Array.isArray(v)) v = v[0];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number.parseInt(v, 10);
  return undefined;
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

export { isPlainObject };
