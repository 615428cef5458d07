// For every operation: inputs that break its schema are rejected before anything is sent, and the
// error names the field.

import nock from 'nock';
import { createConnector, InputError } from '../connector/index.js';
import type { JsonSchema } from '../connector/schema.js';
import { operations, recordRequests, sample } from './support.js';

const connector = createConnector({ accessToken: 't', baseUrl: 'https://api.salesloft.com', retries: 0, env: {} });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** Inputs each missing one required property (top level, and inside `fields`), with its path. */
const withoutRequired = (schema: JsonSchema, input: Record<string, unknown>): Array<[string, Record<string, unknown>]> => {
  const top = ((schema.required as string[] | undefined) ?? []).map((key): [string, Record<string, unknown>] => {
    const { [key]: _removed, ...rest } = input;
    void _removed;
    return [key, rest];
  });
  const fieldsSchema = (schema.properties as Record<string, JsonSchema> | undefined)?.fields;
  const fields = input.fields as Record<string, unknown> | undefined;
  const nested =
    fieldsSchema && fields
      ? ((fieldsSchema.required as string[] | undefined) ?? []).map((key): [string, Record<string, unknown>] => {
          const { [key]: _removed, ...rest } = fields;
          void _removed;
          return [`fields.${key}`, { ...input, fields: rest }];
        })
      : [];
  return [...top, ...nested];
};

const cases = operations.flatMap(({ operation, inputSchema }) => {
  const input = sample(operation.name, 'input.json');
  return [
    [operation.name, 'an unknown property', 'not_a_field', { ...input, not_a_field: 1 }] as const,
    ...withoutRequired(inputSchema, input).map(([path, broken]) => [operation.name, `no ${path}`, path, broken] as const),
  ];
});

test.each(cases)('%s: %s is rejected, nothing sent', async (name, _case, path, input) => {
  const sent = recordRequests(() => [200, {}]);
  const error = (await connector.runByName(name, input).catch((e: unknown) => e)) as InputError;
  expect(error).toBeInstanceOf(InputError);
  expect(error.problems.map((problem) => problem.path)).toContain(path);
  expect(sent).toEqual([]);
});
