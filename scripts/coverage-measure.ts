// How much of SalesLoft's current API (reference/current-api: endpoints.tsv and params.tsv, the team's
// inventory of 2026-11) the connector exposes: endpoints by method and path, and `official` parameters by
// the input property that sends them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MainOperation } from '../connector/operation.js';
import { packageRoot } from '../connector/paths.js';
import type { Registry } from '../connector/registry.js';
import type { JsonSchema } from '../connector/schema.js';

export interface Endpoint {
  method: string;
  path: string;
  proposedName: string;
  source: string;
}

export interface Parameter {
  method: string;
  path: string;
  location: string;
  name: string;
  status: string;
}

export interface Coverage {
  endpoints: { total: number; covered: number; missing: Endpoint[] };
  /** `official` parameters of the endpoints the connector covers (path parameters excluded). */
  officialParameters: { total: number; exposed: number; missing: Parameter[] };
}

export const referenceFolder = join(packageRoot, 'reference', 'current-api');

const tsv = (file: string): string[][] =>
  readFileSync(join(referenceFolder, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));

export const readEndpoints = (): Endpoint[] => tsv('endpoints.tsv').map(([method, path, , , , proposedName, , source]) => ({ method, path, proposedName, source }));

export const readParameters = (): Parameter[] => tsv('params.tsv').map(([method, path, location, name, , , , , , , status]) => ({ method, path, location, name, status }));

/** `/v2/people/{person_id}` and `/v2/people/{id}` are the same route. */
const route = (method: string, path: string): string => `${method} ${path.replace(/\{\w+\}/g, '{}')}`;

/** The wire name without `[]` or a range bound: `ids[]` -> `ids`, `updated_at[gte]` -> `updated_at`. */
const baseName = (name: string): string => name.replace(/\[(gt|gte|lt|lte)?\]$/, '');

/** The names an operation's input sends: its properties (renamed as sent) and the properties of `fields`. */
function sentNames(operation: MainOperation, inputSchema: JsonSchema): Set<string> {
  const properties = (inputSchema.properties ?? {}) as Record<string, JsonSchema>;
  const names = new Set<string>();
  for (const name of Object.keys(properties)) names.add(operation.rename?.[name] ?? name);
  for (const name of Object.keys((properties.fields?.properties ?? {}) as object)) names.add(name);
  return names;
}

export function measureCoverage(registry: Registry, endpoints = readEndpoints(), parameters = readParameters()): Coverage {
  const byRoute = new Map<string, { operation: MainOperation; inputSchema: JsonSchema }>();
  for (const { operation, inputSchema } of registry.all()) {
    if (operation.kind === 'main' && !operation.raw) byRoute.set(route(operation.method, operation.path), { operation, inputSchema });
  }
  const missingEndpoints = endpoints.filter((e) => !byRoute.has(route(e.method, e.path)));
  const official = parameters.filter((p) => p.status.startsWith('official') && p.location !== 'path' && byRoute.has(route(p.method, p.path)));
  const missingParameters = official.filter((p) => {
    const { operation, inputSchema } = byRoute.get(route(p.method, p.path))!;
    return !sentNames(operation, inputSchema).has(baseName(p.name));
  });
  return {
    endpoints: { total: endpoints.length, covered: endpoints.length - missingEndpoints.length, missing: missingEndpoints },
    officialParameters: { total: official.length, exposed: official.length - missingParameters.length, missing: missingParameters },
  };
}
