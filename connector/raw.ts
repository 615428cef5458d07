// The raw HTTP request operation's input turned into a request, refused unless it stays on the
// SalesLoft API's own origin: the token is only ever sent there.

import { InputError, RefusedRequestError } from './errors.js';
import type { InputProblem, OperationInput } from './operation.js';

export interface RawRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  idempotent: boolean;
  parse: 'json' | 'text';
  includeRawBody: boolean;
}

/** Headers a caller may not set: the connector owns authentication and the host. */
const droppedHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'host']);
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Tab, visible ASCII and Latin-1: what a header value can hold (no CR, LF or other control characters). */
const headerValue = /^[\t\x20-\x7e\xa0-\xff]*$/;
const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

const refuse = (reason: string, url: string): never => {
  throw new RefusedRequestError(`Refused to send the raw request to ${JSON.stringify(url)}: ${reason} Nothing was sent.`, url);
};

const parseUrl = (text: string, given: string): URL => {
  try {
    return new URL(text);
  } catch {
    return refuse('it is not a URL that can be parsed.', given);
  }
};

const apiUrl = (input: OperationInput, base: URL): URL => {
  const { endpoint, full_url: fullUrl } = input.url as { endpoint?: string; full_url?: string };
  const given = endpoint ?? fullUrl ?? '';
  if (/[\\\s]/.test(given) || /[\u0000-\u001f]/.test(given)) refuse('it contains a backslash, a space or a control character.', given);
  // Checked on the text as given: URL parsing would resolve "/v2/../x" away before we could see it.
  const givenPath = given.replace(/^https?:\/\/[^/]*/i, '').split(/[?#]/)[0];
  if (givenPath.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) refuse('the path may not contain "." or ".." segments.', given);
  let url: URL;
  if (endpoint !== undefined) {
    if (!endpoint.startsWith('/') || endpoint.startsWith('//')) {
      refuse(`an endpoint is a path on ${base.origin} starting with a single "/", such as /v2/people.`, given);
    }
    if (endpoint.split('?')[0].includes('@')) refuse('an endpoint path may not contain "@".', given);
    url = parseUrl(`${base.origin}${base.pathname.replace(/\/$/, '')}${endpoint}`, given);
  } else {
    if (!/^https?:\/\/[^/]/i.test(given)) refuse('a full URL starts with https:// and names the SalesLoft API host.', given);
    url = parseUrl(given, given);
    if (url.username || url.password) refuse('a URL with user credentials ("@") is not allowed.', given);
  }
  if (url.origin !== base.origin) {
    refuse(`the connector only sends its SalesLoft token to ${base.origin}. Use the endpoint form (e.g. /v2/people) for SalesLoft, and another connector for other hosts.`, given);
  }
  return url;
};

const pairs = (list: unknown): Array<{ key: string; value: unknown }> => (Array.isArray(list) ? (list as Array<{ key: string; value: unknown }>) : []);

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const encodeBody = (body: OperationInput | undefined, headers: Record<string, string>): string | undefined => {
  if (!body || 'none' in body) return undefined;
  if ('form_urlencoded' in body) {
    const form = body.form_urlencoded;
    const entries: Array<[string, string]> = (Array.isArray(form) ? pairs(form).map(({ key, value }) => [key, value]) : Object.entries(form ?? {})).map(
      ([key, value]) => [String(key), String(value ?? '')],
    );
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    return new URLSearchParams(entries).toString();
  }
  const raw = body.raw;
  if (typeof raw === 'string') {
    headers['content-type'] ??= isJson(raw) ? 'application/json' : 'text/plain';
    return raw;
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(raw ?? null);
};

export const buildRawRequest = (input: OperationInput, base: URL): RawRequest => {
  const url = apiUrl(input, base);
  for (const { key, value } of pairs(input.query_parameters)) url.searchParams.append(key, String(value ?? ''));
  const headers: Record<string, string> = {};
  const problems: InputProblem[] = [];
  pairs(input.headers).forEach(({ key, value }, index) => {
    const text = String(value ?? '');
    if (!headerName.test(key)) problems.push({ path: `headers[${index}].key`, message: 'is not a header name HTTP can carry: use letters, digits and - only' });
    else if (!headerValue.test(text)) {
      problems.push({ path: `headers[${index}].value`, message: 'contains characters an HTTP header cannot carry (a line break, a control character or a character beyond Latin-1)' });
    } else if (!droppedHeaders.has(key.toLowerCase())) headers[key.toLowerCase()] = text;
  });
  if (problems.length) throw new InputError(problems, 'raw_http_request');
  const method = String(input.method ?? 'GET').toUpperCase();
  const parseResponse = String(input.parse_response ?? 'true');
  return {
    method,
    url,
    headers,
    body: encodeBody(input.body, headers),
    idempotent: idempotentMethods.has(method),
    parse: parseResponse === 'false' ? 'text' : 'json',
    includeRawBody: input.include_raw_body === true,
  };
};
