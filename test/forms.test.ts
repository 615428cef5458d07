// Every operation's form, as a stock JSON Schema form renderer draws it: @rjsf/core 6 with its ajv 8
// validator reads the manifest's input_schema (what a workflow builder gets), renders it without a
// warning and accepts the operation's sample input. Then the conventions that make every renderer read
// a form the same: titled branches, labelled choices, standard formats, a title and a description on
// every property, and the connector's own validation agreeing with the stock validator.

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { RJSFSchema } from '@rjsf/utils';
import { buildManifest } from '../connector/manifest.js';
import { compile, isPlainObject, type JsonSchema } from '../connector/schema.js';
import { convertSchema, sourceSchemaFiles } from '../scripts/schema-conventions.js';
import { hasSample, registry, sample } from './support.js';

const manifest = buildManifest(registry);
const manifestOperation = (name: string) => manifest.operations.find((operation) => operation.name === name)!;
const render = (name: string, formData: unknown = {}): string =>
  renderToStaticMarkup(createElement(Form, { schema: manifestOperation(name).input_schema as RJSFSchema, validator, formData }));

/** Every subschema with its path, `properties` entries included. */
const subschemas = (schema: unknown, path = '#'): Array<[string, JsonSchema]> => {
  if (Array.isArray(schema)) return schema.flatMap((item, index) => subschemas(item, `${path}/${index}`));
  if (!isPlainObject(schema)) return [];
  return [[path, schema], ...Object.entries(schema).flatMap(([key, value]) => subschemas(value, `${path}/${key}`))];
};

/** Runs `draw` and returns what it wrote to the console besides what it returned. */
const capturingConsole = <T>(draw: () => T): { result: T; messages: string[] } => {
  const messages: string[] = [];
  const methods = ['warn', 'error', 'log', 'info', 'debug'] as const;
  const originals = methods.map((method) => console[method]);
  for (const method of methods) console[method] = (...args: unknown[]) => void messages.push(`${method}: ${args.map(String).join(' ')}`);
  try {
    return { result: draw(), messages };
  } finally {
    methods.forEach((method, index) => (console[method] = originals[index]));
  }
};

describe.each(manifest.operations.map((operation) => [operation.name, operation] as const))('%s', (name, operation) => {
  const schema = operation.input_schema as RJSFSchema;
  const formData = hasSample(name, 'input.json') ? sample(name, 'input.json') : {};

  test.each([
    ['its sample input', formData],
    ['an empty form', {}],
  ])('renders %s with no console message', (_, data) => {
    const { result: html, messages } = capturingConsole(() => renderToStaticMarkup(createElement(Form, { schema, validator, formData: data })));
    expect(messages).toEqual([]);
    expect(html).toContain('<form');
  });

  test('compiles and accepts its sample input in the stock validator', () => {
    const { result, messages } = capturingConsole(() => validator.validateFormData(formData, schema));
    expect(messages).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});

describe.each(manifest.operations.map((operation) => [operation.name, operation] as const))('%s reads the same in any renderer', (name, operation) => {
  const nodes = subschemas(operation.input_schema);

  test('every anyOf/oneOf branch has a title a person can read', () => {
    const untitled = nodes.flatMap(([path, node]) =>
      ['anyOf', 'oneOf'].flatMap((keyword) => ((node[keyword] as JsonSchema[] | undefined) ?? []).flatMap((branch, index) => (typeof branch.title === 'string' && branch.title ? [] : [`${path}/${keyword}/${index}`]))),
    );
    expect(untitled).toEqual([]);
  });

  test('every property has a title and a description', () => {
    // Conditions (if/then/not) and requirement-only branches ({email_address: {}}) only constrain.
    const requirementOnly = (property: unknown) => property === true || (isPlainObject(property) && Object.keys(property).length === 0);
    const isCondition = (path: string) => /\/(if|then|else|not)(\/|$)/.test(path);
    const lacking = nodes.flatMap(([path, node]) =>
      Object.entries(isPlainObject(node.properties) && !path.endsWith('/properties') && !isCondition(path) ? node.properties : {}).flatMap(([name, property]) =>
        requirementOnly(property) || (isPlainObject(property) && property.title && property.description) ? [] : [`${path}/properties/${name}`],
      ),
    );
    expect(lacking).toEqual([]);
  });

  test('labelled enums are choices with titles; formats are the standard ones', () => {
    expect(nodes.filter(([, node]) => Array.isArray(node.enum) && Array.isArray(node.enumLabels)).map(([path]) => path)).toEqual([]);
    const formats = new Set(nodes.map(([, node]) => node.format).filter((format) => format !== undefined));
    expect([...formats].filter((format) => !['date-time', 'date', 'email'].includes(String(format)))).toEqual([]);
  });

  test("the connector's validation of the manifest schema agrees with the stock validator", () => {
    const connectorValidates = compile(operation.input_schema);
    const input = hasSample(name, 'input.json') ? sample(name, 'input.json') : {};
    const inputs = [input, { ...input, not_a_field: 1 }];
    for (const candidate of inputs) {
      expect(validator.isValid(operation.input_schema as RJSFSchema, candidate, operation.input_schema as RJSFSchema)).toBe(connectorValidates(candidate));
    }
  });
});

test('create_person offers its two ways of naming a person, and job seniority shows labels', () => {
  const html = render('create_person', { fields: { email_address: 'jane@example.com' } });
  expect(html).toContain('By email address');
  expect(html).toContain('By phone and last name');
  expect(html).toContain('Individual contributor');
  expect(html).not.toContain('>individual_contributor<');
});

test('raw_http_request draws its URL and body as titled choices', () => {
  const html = render('raw_http_request', sample('raw_http_request', 'input.json'));
  for (const label of ['URL', 'Endpoint on the SalesLoft API', 'Full URL', 'Body', 'No body', 'Raw body (JSON or text)', 'Form fields (URL-encoded)']) expect(html).toContain(label);
  expect(html).not.toMatch(/>none\*?</);
});

test('a date-time filter that is not a date-time fails the form and the connector alike', () => {
  const schema = manifestOperation('list_people').input_schema;
  const input = { updated_at: { gte: 'yesterday' } };
  expect(validator.validateFormData(input, schema as RJSFSchema).errors.map((error) => error.property)).toEqual(['.updated_at.gte']);
  expect(compile(schema)(input)).toBe(false);
  expect(validator.isValid(schema as RJSFSchema, { updated_at: { gte: '2024-01-31T09:00:00Z' } }, schema as RJSFSchema)).toBe(true);
});

test('custom fields given as a map or as a list are both accepted by the stock validator', () => {
  const schema = manifestOperation('create_account').input_schema as RJSFSchema;
  for (const customFields of [{ 'Lead Source': 'Website' }, [{ key: 'Lead Source', value: 'Website' }]]) {
    expect(validator.validateFormData({ fields: { name: 'Acme', domain: 'acme.com', custom_fields: customFields } }, schema).errors).toEqual([]);
  }
  expect(validator.validateFormData({ fields: { name: 'Acme', domain: 'acme.com', custom_fields: { 'Lead Source': { nested: 1 } } } }, schema).errors).not.toEqual([]);
});

test('create_person: the manifest and the connector reject the same inputs', () => {
  const schema = manifestOperation('create_person').input_schema;
  const source = registry.get('create_person')!.inputSchema;
  const cases = [
    { fields: {} },
    { fields: { phone: '123' } },
    { fields: { email_address: 'jane@example.com', crm_id: '00Q000000000000001' } },
    { fields: { email_address: 'jane@example.com', crm_id: '00Q000000000000001', crm_id_type: 'salesforce' } },
    { fields: { phone: '123', last_name: 'Doe', job_seniority: 'manager' } },
    { fields: { email_address: 'jane@example.com', job_seniority: 'intern' } },
  ];
  const verdicts = cases.map((input) => [compile(source)(input), compile(schema)(input), validator.isValid(schema as RJSFSchema, input, schema as RJSFSchema)]);
  expect(verdicts).toEqual([[false, false, false], [false, false, false], [false, false, false], [true, true, true], [true, true, true], [false, false, false]]);
});

test.each(sourceSchemaFiles().map((path) => [relative(process.cwd(), path), path]))('%s follows the mechanical schema conventions (else run `npm run convert-schemas`)', (_, path) => {
  const schema = JSON.parse(readFileSync(path, 'utf8'));
  expect(convertSchema(schema)).toEqual(schema);
});
