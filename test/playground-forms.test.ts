// How the playground page hands the manifest's schemas to the stock renderer: every lookup gets the
// lookup widget, labelled enums show their labels in either convention, dependent lookup inputs
// resolve from the form, and the connector's problem paths become the renderer's error schema.

import { optionsList, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import { buildManifest } from '../connector/manifest.js';
import type { JsonSchema } from '../connector/schema.js';
import { errorSchemaOf, formSchemaOf, lookupInput, uiSchemaOf, type LookupOptions } from '../playground/page/forms.js';
import { lookupsOf, registry } from './support.js';

const manifest = buildManifest(registry);

/** The uiSchema node the renderer uses for a lookupsOf path such as `fields.person_id` or `step_ids[]` (through anyOf/oneOf branches). */
const uiAt = (ui: UiSchema | undefined, path: string): UiSchema | undefined => {
  const keys = path
    .split('.')
    .filter(Boolean)
    .flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), 'items'] : [segment]));
  const walk = (node: UiSchema | undefined, rest: string[]): UiSchema | undefined => {
    if (!node || !rest.length) return node;
    const branches = [...((node.anyOf as UiSchema[]) ?? []), ...((node.oneOf as UiSchema[]) ?? [])];
    return walk(node[rest[0]] as UiSchema | undefined, rest.slice(1)) ?? branches.map((branch) => walk(branch, rest)).find(Boolean);
  };
  return walk(ui, keys);
};

const schemaAt = (schema: JsonSchema, path: string): JsonSchema | undefined =>
  path
    .split('.')
    .filter(Boolean)
    .flatMap((segment) => (segment.endsWith('[]') ? [['properties', segment.slice(0, -2)], ['items']] : [['properties', segment]]))
    .reduce<JsonSchema | undefined>((node, keys) => keys.reduce<JsonSchema | undefined>((inner, key) => inner?.[key] as JsonSchema | undefined, node), schema);

const drawnLookups = manifest.operations.flatMap((operation) =>
  lookupsOf(operation.input_schema)
    // A lookup on the keys of a map (crm_params) is not drawn as a dropdown: the renderer asks for key names as text.
    .filter(({ path }) => !(schemaAt(operation.input_schema, path)?.propertyNames as JsonSchema | undefined)?.lookup)
    .map(({ path, lookup }) => [operation.name, path, lookup, operation.input_schema] as const),
);

test('the manifest has lookups to draw', () => {
  expect(drawnLookups.length).toBeGreaterThan(100);
});

test.each(drawnLookups)('%s %s is drawn as a dropdown filled by its DDL', (_, path, lookup, inputSchema) => {
  const ui = uiAt(uiSchemaOf(inputSchema), path);
  expect(ui?.['ui:widget']).toBe('lookup');
  expect((ui?.['ui:options'] as unknown as LookupOptions).lookup).toEqual(lookup);
});

/** Every labelled enum with the uiSchema the renderer draws it with (properties, items and anyOf/oneOf branches alike). */
const labelled = manifest.operations.flatMap((operation) => {
  const found: Array<[string, string, JsonSchema, UiSchema | undefined]> = [];
  const walk = (schema: JsonSchema, ui: UiSchema | undefined, path: string) => {
    if (Array.isArray(schema.enumLabels)) found.push([operation.name, path, schema, ui]);
    for (const [name, property] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {})) walk(property, ui?.[name] as UiSchema, path ? `${path}.${name}` : name);
    if (schema.items && typeof schema.items === 'object') walk(schema.items as JsonSchema, ui?.items as UiSchema, `${path}[]`);
    for (const keyword of ['anyOf', 'oneOf']) {
      ((schema[keyword] as JsonSchema[] | undefined) ?? []).forEach((branch, index) => walk(branch, (ui?.[keyword] as UiSchema[] | undefined)?.[index], `${path} ${keyword}[${index}]`));
    }
  };
  walk(operation.input_schema, uiSchemaOf(operation.input_schema), '');
  return found;
});

test.each(labelled)('%s %s shows its enum labels', (_, __, schema, ui) => {
  const options = optionsList(schema as RJSFSchema, ui);
  expect(options?.map((option) => option.label)).toEqual(schema.enumLabels);
});

test('both label conventions reach the renderer: Tray-style enumLabels and a oneOf of {const, title}', () => {
  const trayStyle = { type: 'string', enum: ['individual_contributor', 'vice_president'], enumLabels: ['Individual contributor', 'Vice president'] };
  const constTitle = {
    type: 'string',
    oneOf: [
      { const: 'individual_contributor', title: 'Individual contributor' },
      { const: 'vice_president', title: 'Vice president' },
    ],
    enumLabels: ['Individual contributor', 'Vice president'],
  };
  expect(optionsList(trayStyle as RJSFSchema, uiSchemaOf(trayStyle))).toEqual([
    { label: 'Individual contributor', value: 'individual_contributor' },
    { label: 'Vice president', value: 'vice_president' },
  ]);
  expect(optionsList(constTitle as RJSFSchema, uiSchemaOf(constTitle))).toEqual([
    { label: 'Individual contributor', value: 'individual_contributor', schema: constTitle.oneOf[0] },
    { label: 'Vice president', value: 'vice_president', schema: constTitle.oneOf[1] },
  ]);
});

test('the form never asks for the access token, and the page heading carries the title', () => {
  for (const operation of manifest.operations) {
    const schema = formSchemaOf(operation.input_schema);
    expect([operation.name, Object.keys(schema.properties ?? {}).includes('access_token'), schema.title]).toEqual([operation.name, false, undefined]);
  }
});

describe('a dependent lookup takes its input from the form', () => {
  const steps: LookupOptions = { lookup: { operation: 'list_steps_ddl', input: { cadence_id: '{{{cadence_id}}}' } }, parentPath: ['fields'] };

  test('from the field beside it, with the search text', () => {
    expect(lookupInput(steps, { fields: { cadence_id: 502, person_id: 3001 } }, 'call')).toEqual({ cadence_id: 502, search: 'call' });
  });

  test('from further up when it is not beside it, and the nearest one wins', () => {
    expect(lookupInput(steps, { cadence_id: 501, fields: {} }, '')).toEqual({ cadence_id: 501 });
    expect(lookupInput(steps, { cadence_id: 501, fields: { cadence_id: 502 } }, '')).toEqual({ cadence_id: 502 });
  });

  test('left out while that field is empty, so the DDL lists everything until it is chosen', () => {
    expect(lookupInput(steps, { fields: { cadence_id: '' } }, '')).toEqual({});
    expect(lookupInput(steps, undefined, '')).toEqual({});
  });

  test('fixed inputs pass as they are', () => {
    expect(lookupInput({ lookup: { operation: 'list_crm_activity_fields_ddl', input: { source: 'phone' } }, parentPath: [] }, {}, '')).toEqual({ source: 'phone' });
  });
});

test("the connector's problem paths mark the renderer's fields", () => {
  expect(
    errorSchemaOf([
      { path: 'fields.person_id', message: 'is required' },
      { path: 'fields.duration', message: 'must be >= 0' },
      { path: 'fields.tags[1]', message: 'must not be empty' },
      { path: 'fields.duration', message: 'must be a whole number' },
      { path: '', message: 'must have at least one of: a, b' },
    ]),
  ).toEqual({
    __errors: ['must have at least one of: a, b'],
    fields: {
      person_id: { __errors: ['is required'] },
      duration: { __errors: ['must be >= 0', 'must be a whole number'] },
      tags: { 1: { __errors: ['must not be empty'] } },
    },
  });
});
