// The route table: the specific routes of handlers.ts and bulk.ts first, then the five generic actions of every
// resource in resources.ts. Paths are matched under /v2/; the legacy `.json` suffix on the last segment
// is accepted wherever SalesLoft has it (not for bulk jobs).

import { BULK_ROUTES } from './bulk.js';
import { createAction, deleteAction, getAction, listRecords, updateAction } from './collection.js';
import { SPECIAL_ROUTES, type RouteDef } from './handlers.js';
import { CURRENT_ROUTES } from './handlers-current.js';
import { NEWEST_ROUTES } from './handlers-newest.js';
import { RESOURCES } from './resources.js';

export interface Route extends RouteDef {
  segments: string[];
}

export function buildRoutes(): Route[] {
  const defs: RouteDef[] = [...SPECIAL_ROUTES, ...BULK_ROUTES, ...CURRENT_ROUTES, ...NEWEST_ROUTES];
  for (const res of RESOURCES) {
    const alias = res.jsonAlias !== false;
    const one = `${res.path}/:id`;
    for (const action of res.actions) {
      if (action === 'list') defs.push({ method: 'GET', path: res.path, alias, handler: (ctx) => listRecords(res, ctx) });
      if (action === 'create') defs.push({ method: 'POST', path: res.path, alias, handler: (ctx) => createAction(res, ctx) });
      if (action === 'get') defs.push({ method: 'GET', path: one, alias, handler: (ctx) => getAction(res, ctx) });
      if (action === 'update') defs.push({ method: 'PUT', path: one, alias, handler: (ctx) => updateAction(res, ctx) });
      if (action === 'delete') defs.push({ method: 'DELETE', path: one, alias, handler: (ctx) => deleteAction(res, ctx) });
    }
  }
  return defs.map((d) => ({ ...d, segments: d.path.split('/') }));
}

function matchSegments(route: Route, segments: string[]): Record<string, string> | undefined {
  if (route.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const want = route.segments[i]!;
    const got = segments[i]!;
    if (want.startsWith(':')) {
      if (got === '') return undefined;
      params[want.slice(1)] = got;
    } else if (want !== got) return undefined;
  }
  return params;
}

/**
 * Finds the route of `METHOD /v2/...`. Returns undefined for an unknown route (including a known path with
 * another method, as Rails does).
 */
export function matchRoute(
  routes: Route[],
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | undefined {
  if (!pathname.startsWith('/v2/')) return undefined;
  let segments: string[];
  try {
    segments = pathname.slice(4).replace(/\/+$/, '').split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
  // The legacy suffix first: GET /v2/people/3001.json is person 3001, not a person with id "3001.json".
  const last = segments[segments.length - 1] ?? '';
  if (last.endsWith('.json') && last.length > 5) {
    const stripped = [...segments.slice(0, -1), last.slice(0, -5)];
    for (const route of routes) {
      if (route.method !== method || !route.alias) continue;
      const params = matchSegments(route, stripped);
      if (params) return { route, params };
    }
  }
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchSegments(route, segments);
    if (params) return { route, params };
  }
  return undefined;
}

