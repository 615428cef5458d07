// connector.json: what a workflow builder or an embedded editor reads to list operations and draw
// their forms. Built from the registry; every schema stands alone (shared definitions inlined).

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './paths.js';
import { isIdempotent } from './operation.js';
import type { Registry } from './registry.js';
import { inlineRefs, type JsonSchema } from './schema.js';

const { name, version, description } = createRequire(import.meta.url)(join(packageRoot, 'package.json')) as Record<string, string>;

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
      input_schema: inlineRefs(inputSchema) as JsonSchema,
      output_schema: inlineRefs(outputSchema) as JsonSchema,
    };
  }),
});

export type Manifest = ReturnType<typeof buildManifest>;
