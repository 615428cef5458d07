// The secrets the connector holds (access tokens now; OAuth refresh tokens and client secrets are
// added the same way) and the one redaction every error applies to its strings when it is built.
//
// A secret is found in any form a server or a caller may echo it: as given, URL-encoded, JSON-escaped
// (`\/`, `\u002b`), base64 (standard or URL-safe, at any byte alignment), and as any fragment of at
// least 8 characters, so a message cut in the middle of a token leaves nothing usable.

/** Shorter values are no real credential, and scrubbing them would garble ordinary words. */
export const minSecretLength = 8;
const fragment = minSecretLength;
/** The most secrets remembered; the oldest are forgotten first (a process rarely holds more than a few). */
const maxSecrets = 256;

const known = new Map<string, true>();
let fragments = new Set<string>();

const fragmentsOf = (text: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i + fragment <= text.length; i++) out.push(text.slice(i, i + fragment));
  return out;
};

/** The base64 forms of a secret embedded anywhere in a longer base64 text, minus the edges other bytes change. */
const base64Forms = (secret: string): string[] => {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64').replace(/=+$/, '');
    const middle = encoded.slice(shift ? 4 : 0, encoded.length - 4);
    forms.push(middle, middle.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
};

const addFragments = (secret: string, to: Set<string>): void => {
  for (const form of [secret, ...base64Forms(secret)]) for (const piece of fragmentsOf(form)) to.add(piece);
};

/**
 * Remembers a secret so that every error built from now on redacts it. Call it for every credential
 * the connector is given (access tokens, refresh tokens, client secrets). Short values are ignored.
 */
export const registerSecret = (secret: string | undefined | null): void => {
  if (typeof secret !== 'string' || secret.length < minSecretLength || known.has(secret)) return;
  known.set(secret, true);
  if (known.size <= maxSecrets) {
    addFragments(secret, fragments);
    return;
  }
  // Forgetting the oldest: its fragments may be shared with others, so the set is built again.
  known.delete(known.keys().next().value as string);
  const next = new Set<string>();
  for (const kept of known.keys()) addFragments(kept, next);
  fragments = next;
};

const hex = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/**
 * The text with JSON escapes and %XX escapes decoded, and for each decoded character the span of the
 * original text it came from, so a secret found in the decoded text is cut out of the original.
 */
const decodedView = (text: string): { decoded: string; from: number[]; to: number[] } => {
  let decoded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    let char = c;
    let width = 1;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      if (next === 'u' && i + 5 < text.length && [2, 3, 4, 5].every((k) => hex(text.charCodeAt(i + k)))) {
        char = String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        width = 6;
      } else if (next === '/' || next === '\\' || next === '"') {
        char = next;
        width = 2;
      }
    } else if (c === '%' && hex(text.charCodeAt(i + 1)) && hex(text.charCodeAt(i + 2))) {
      char = String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
      width = 3;
    }
    decoded += char;
    from.push(i);
    to.push(i + width);
    i += width;
  }
  return { decoded, from, to };
};

/** Marks in `hidden` every character of `text` covered by a fragment of a known secret. */
const mark = (text: string, hidden: Uint8Array, from?: number[], to?: number[]): void => {
  for (let i = 0; i + fragment <= text.length; i++) {
    if (!fragments.has(text.slice(i, i + fragment))) continue;
    const start = from ? from[i] : i;
    const end = to ? to[i + fragment - 1] : i + fragment;
    hidden.fill(1, start, end);
  }
};

/** The text with every form and fragment of every known secret replaced by `[redacted]`. */
export const redact = (text: string): string => {
  if (fragments.size === 0 || text.length < fragment) return text;
  const hidden = new Uint8Array(text.length);
  mark(text, hidden);
  if (/[\\%]/.test(text)) {
    const view = decodedView(text);
    mark(view.decoded, hidden, view.from, view.to);
  }
  if (!hidden.includes(1)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!hidden[i]) out += text[i];
    else if (i === 0 || !hidden[i - 1]) out += '[redacted]';
  }
  return out;
};

/** True when the text holds a known secret in any form. */
export const containsSecret = (text: string): boolean => redact(text) !== text;

/** A copy of a value with every string in it (keys included) redacted; depth-bounded for safety. */
export const redactDeep = <T>(value: T, depth = 0): T => {
  if (typeof value === 'string') return redact(value) as T;
  if (!value || typeof value !== 'object') return value;
  if (depth > 32) return '[too deep to show]' as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactDeep(item, depth + 1)])) as T;
};

/**
 * Record fields that hold a credential wherever they appear: a webhook subscription's signing key and
 * OAuth tokens. Given in an input they are registered (an error never echoes them); in printed output
 * (CLI, playground) their values are masked. The typed API returns them as SalesLoft sent them.
 */
export const secretFields: ReadonlySet<string> = new Set(['callback_token', 'access_token', 'refresh_token', 'client_secret']);

/** Registers the secret fields of an operation input, at its top level and in its `fields`. */
export const registerSecretFields = (input: Record<string, unknown>): void => {
  const fields = input.fields && typeof input.fields === 'object' ? (input.fields as Record<string, unknown>) : undefined;
  for (const name of secretFields) {
    registerSecret(input[name] as string | undefined);
    if (fields) registerSecret(fields[name] as string | undefined);
  }
};

/** A copy to print, with the value of every secret field replaced by `[redacted]`; depth-bounded for safety. */
export const maskSecretFields = <T>(value: T, depth = 0): T => {
  if (!value || typeof value !== 'object') return value;
  if (depth > 32) return '[too deep to show]' as T;
  if (Array.isArray(value)) return value.map((item) => maskSecretFields(item, depth + 1)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, secretFields.has(key) && typeof item === 'string' && item ? '[redacted]' : maskSecretFields(item, depth + 1)]),
  ) as T;
};

/** A URL to name in a log line or an error (a Redis URL, say), without its password. */
export const urlWithoutPassword = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
};
