// Polling triggers made from their list operations. The input schema: the poll's own inputs (state, since,
// max_records) and the list's filters, without the paging, sorting and updated_at inputs the poller sets
// itself; the list's `state` filter (a US state) is offered as `location_state`.
// `npm run build && node dist/scripts/poll-triggers.js` adds a trigger folder (operation.ts, schemas,
// samples from the list's sample output) for every list walkable by updated_at that has none, and rewrites
// every polling trigger's input schema from its list; tests check that both are done.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TriggerOperation } from '../connector/operation.js';
import { canWalkByUpdatedAt, compareTimes, findIn, listOperations } from '../connector/paginate.js';
import { operationFolder, packageRoot } from '../connector/paths.js';
import { pollerSetsItself, pollInputs, renamedFilters, runPoll } from '../connector/poll.js';
import type { RegisteredOperation, Registry } from '../connector/registry.js';
import { loadRegistry } from '../connector/registry.js';
import type { JsonSchema } from '../connector/schema.js';

const pollInputSchemas: Record<string, JsonSchema> = {
  access_token: { $ref: '/schemas/common.json#/definitions/access_token' },
  state: { $ref: '/schemas/poll.json#/definitions/state' },
  since: { $ref: '/schemas/poll.json#/definitions/since' },
  max_records: { $ref: '/schemas/poll.json#/definitions/max_records' },
};

export const pollTriggerInputSchema = (title: string, listInput: JsonSchema): JsonSchema => {
  const filters: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries((listInput.properties as Record<string, JsonSchema>) ?? {})) {
    if (pollInputs.includes(name) || pollerSetsItself.includes(name)) {
      const renamed = Object.keys(renamedFilters).find((key) => renamedFilters[key] === name);
      if (renamed) {
        filters[renamed] = {
          ...schema,
          title: `${String(schema.title ?? 'States')} (location)`,
          description: `${String(schema.description ?? '').replace(/\.$/, '')} (sent to SalesLoft as its state filter; named location_state here because state is the poll state).`,
        };
      }
      continue;
    }
    filters[name] = schema;
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, type: 'object', additionalProperties: false, properties: { ...pollInputSchemas, ...filters } };
};

/** Each polling trigger's input schema as its list makes it, by trigger folder. */
export const pollTriggerSchemas = (registry: Registry): Array<{ folder: string; schema: JsonSchema; current: JsonSchema }> =>
  registry.all().flatMap(({ operation, folder, inputSchema }) => {
    if (operation.kind !== 'trigger' || operation.delivery !== 'poll' || !operation.list) return [];
    const list = registry.get(operation.list);
    if (!list) throw new Error(`${operation.name} polls ${operation.list}, which is not registered`);
    return [{ folder, schema: pollTriggerInputSchema(operation.title, list.inputSchema), current: inputSchema }];
  });

const writeJson = (path: string, value: unknown): void => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

/** A new trigger's module and output schema, for a list that has no trigger yet. */
const addTrigger = (list: RegisteredOperation): TriggerOperation => {
  const plural = list.operation.name.replace(/^list_/, '');
  const words = list.operation.title.replace(/^List /, '');
  const itemRef = String(((list.outputSchema.properties as Record<string, JsonSchema>).data.items as JsonSchema)?.$ref ?? '');
  const resource = /\/schemas\/resources\/(\w+)\.json$/.exec(itemRef)?.[1] ?? plural;
  const trigger: TriggerOperation = {
    kind: 'trigger',
    name: `poll_${plural}`,
    title: `New or updated ${words}`,
    description: `Returns the ${words} created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).`,
    delivery: 'poll',
    resource,
    list: list.operation.name,
  };
  const folder = operationFolder('trigger', trigger.name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'operation.ts'),
    `import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: '${trigger.name}',
  title: '${trigger.title}',
  description:
    '${trigger.description}',
  delivery: 'poll',
  resource: '${resource}',
  list: '${list.operation.name}',
});
`,
  );
  writeJson(join(folder, 'output.schema.json'), {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${words[0].toUpperCase()}${words.slice(1)} created or updated`,
    type: 'object',
    required: ['records', 'state', 'has_more'],
    properties: {
      records: {
        title: 'Changes',
        description: `The ${words} created or updated since the previous poll, oldest change first; each once, at its latest version.`,
        type: 'array',
        items: {
          title: 'Change',
          type: 'object',
          required: ['change', 'record'],
          properties: { change: { $ref: '/schemas/poll.json#/definitions/change' }, record: itemRef ? { $ref: itemRef } : { type: 'object' } },
        },
      },
      state: { $ref: '/schemas/poll.json#/definitions/state' },
      has_more: { $ref: '/schemas/poll.json#/definitions/has_more' },
    },
  });
  writeJson(join(folder, 'input.schema.json'), pollTriggerInputSchema(trigger.title, list.inputSchema));
  return trigger;
};

/** Samples of a trigger from its list's sample output: one poll reading those records. */
const writeSamples = async (registry: Registry, trigger: TriggerOperation, list: RegisteredOperation): Promise<void> => {
  const listOutput = JSON.parse(readFileSync(join(packageRoot, 'samples', list.operation.name, 'output.json'), 'utf8')) as { data?: Array<Record<string, unknown>> };
  const data = [...(listOutput.data ?? [])].sort((a, b) => compareTimes(a.updated_at, b.updated_at) ?? 0);
  const after = String(data[0]?.updated_at ?? '2024-01-01T00:00:00.000000Z');
  const input = { state: { after, seen_at_after: [] } };
  const apiResponse = { metadata: { paging: { per_page: 100, current_page: 1, next_page: null, prev_page: null } }, data };
  const path = list.operation.kind === 'main' ? list.operation.path : '';
  const folder = join(packageRoot, 'samples', trigger.name);
  mkdirSync(folder, { recursive: true });
  writeJson(join(folder, 'input.json'), input);
  writeJson(join(folder, 'request.json'), { method: 'GET', path, query: { per_page: '100', sort_by: 'updated_at', sort_direction: 'ASC', 'updated_at[gte]': after }, body: null });
  writeJson(join(folder, 'api-response.json'), apiResponse);
  writeJson(join(folder, 'output.json'), await runPoll({ run: async () => apiResponse }, findIn(registry), trigger, input));
};

/** The lists walkable by updated_at that have no polling trigger. */
export const listsWithoutTrigger = (registry: Registry): RegisteredOperation[] => {
  const polled = new Set(registry.all().flatMap(({ operation }) => (operation.kind === 'trigger' && operation.delivery === 'poll' ? [operation.list] : [])));
  return listOperations(registry).filter((list) => canWalkByUpdatedAt(list) && !polled.has(list.operation.name));
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const registry = await loadRegistry();
  for (const list of listsWithoutTrigger(registry)) {
    const trigger = addTrigger(list);
    await writeSamples(registry, trigger, list);
    console.log(`added ${trigger.name} (triggers/${trigger.name}, samples/${trigger.name})`);
  }
  for (const { folder, schema } of pollTriggerSchemas(registry)) writeJson(join(folder, 'input.schema.json'), schema);
  for (const { operation } of registry.all()) {
    if (operation.kind === 'trigger' && operation.delivery === 'poll' && !existsSync(join(packageRoot, 'samples', operation.name, 'input.json'))) {
      await writeSamples(registry, operation, registry.get(operation.list!)!);
    }
  }
  console.log("polling triggers' input schemas rewritten from their lists; run npm run generate next");
}
