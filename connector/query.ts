// SalesLoft's query encoding: arrays as repeated `key[]=v`, objects (ranges such as
// {gte: ...}, custom field filters) as `key[sub]=v`, booleans as true/false, absent values left out.

const scalar = (value: unknown): string => (typeof value === 'string' ? value : String(value));

const pairsOf = (key: string, value: unknown): Array<[string, string]> => {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((item) => item !== undefined && item !== null).map((item) => [`${key}[]`, scalar(item)]);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([sub, inner]) => pairsOf(`${key}[${sub}]`, inner));
  }
  return [[key, scalar(value)]];
};

export const encodeQuery = (query: Record<string, unknown> = {}): URLSearchParams =>
  new URLSearchParams(Object.entries(query).flatMap(([key, value]) => pairsOf(key, value)));

/** The inverse view used by tests and the sandbox: `key[]` keys always give arrays. */
export const decodeQuery = (search: URLSearchParams): Record<string, string | string[]> => {
  const decoded: Record<string, string | string[]> = {};
  for (const [key, value] of search) {
    if (key.endsWith('[]')) decoded[key] = [...((decoded[key] as string[] | undefined) ?? []), value];
    else decoded[key] = value;
  }
  return decoded;
};
