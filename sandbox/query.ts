// Rails-style parameter parsing and the small value coercions the sandbox needs.
//   ids[]=1&ids[]=2        -> { ids: ['1', '2'] }
//   ids=1,2                -> { ids: '1,2' }        (toList splits it)
//   updated_at[gte]=ISO    -> { updated_at: { gte: 'ISO' } }
//   custom_fields[Name]=v  -> { custom_fields: { Name: 'v' } }
//   data[][name]=x         -> { data: [{ name: 'x' }] }

export type Params = Record<string, unknown>;

function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  let end = open;
  while ((m = re.exec(key.slice(open))) !== null) {
    parts.push(m[1] ?? '');
    end = open + re.lastIndex;
  }
  // Anything after the last bracket (malformed key) stays part of the last name.
  if (end < key.length) parts[parts.length - 1] += key.slice(end);
  return parts;
}

function isPlainObject(v: unknown): v is Params {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function assign(target: Params, parts: string[], value: string): void {
  const [head, ...rest] = parts as [string, ...string[]];
  if (head === '__proto__' || head === 'constructor' || head === 'prototype') return;
  if (rest.length === 0) {
    const existing = target[head];
    // A repeated plain key (ids=1&ids=2) becomes an array.
    if (existing === undefined) target[head] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else target[head] = [existing, value];
    return;
  }
  if (rest[0] === '') {
    // key[] or key[][sub]
    const arr = Array.isArray(target[head]) ? (target[head] as unknown[]) : [];
    target[head] = arr;
    if (rest.length === 1) {
      arr.push(value);
      return;
    }
    const sub = rest.slice(1);
    const last = arr[arr.length - 1];
    // Start a new element when the last one already has this field (Rails' rule).
    if (isPlainObject(last) && !(sub[0]! in last)) assign(last, sub, value);
    else {
      const obj: Params = {};
      arr.push(obj);
      assign(obj, sub, value);
    }
    return;
  }
  const child = isPlainObject(target[head]) ? (target[head] as Params) : {};
  target[head] = child;
  assign(child, rest, value);
}

/** Parses a query string or a form-urlencoded body, Rails style. */
export function parseParams(source: string | URLSearchParams): Params {
  const search = typeof source === 'string' ? new URLSearchParams(source) : source;
  const out: Params = {};
  for (const [key, value] of search) {
    if (key === '') continue;
    assign(out, splitKey(key), value);
  }
  return out;
}

/** Coerces form values that are clearly booleans or null ("true", "false", "null"). */
export function coerceFormValues(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(coerceFormValues);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, coerceFormValues(x)]));
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === 'null') return null;
  return v;
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
