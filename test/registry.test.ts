// The registry against reference/operations.tsv and the current API's additions
// (fixtures/current-api-operations.tsv): every operation there, named, titled and routed as there; DDLs look like DDLs.

import { currentApiRows, registry, tsvRows } from './support.js';

const placeholderless = (path: string): string => path.replace(/\{\w+\}/g, '{}');

describe.each([...tsvRows, ...currentApiRows].map((row) => [row.op, row] as const))('%s', (name, row) => {
  test('is registered as in operations.tsv', () => {
    const entry = registry.get(name);
    expect(entry).toBeDefined();
    const { operation } = entry!;
    expect([operation.kind, operation.title]).toEqual([row.kind, row.title]);
    if (operation.kind === 'main' && !operation.raw) {
      expect([operation.method, placeholderless(operation.path)]).toEqual([row.method, placeholderless(row.path)]);
    }
    if (operation.kind === 'ddl') {
      expect(name.endsWith('_ddl')).toBe(true);
      expect(operation.path ?? '-').toBe(row.path);
      expect(operation.paging === 'static').toBe(row.path === '-');
    }
  });
});

test('every path placeholder is an input property', () => {
  for (const { operation, inputSchema } of registry.all()) {
    if (operation.kind !== 'main' || operation.raw) continue;
    const properties = Object.keys((inputSchema.properties as object) ?? {});
    for (const [, placeholder] of operation.path.matchAll(/\{(\w+)\}/g)) {
      expect([operation.name, placeholder, properties.includes(placeholder)]).toEqual([operation.name, placeholder, true]);
      expect([operation.name, placeholder, (inputSchema.required as string[] | undefined)?.includes(placeholder)]).toEqual([operation.name, placeholder, true]);
    }
  }
});

test('every main and DDL operation is listed in a fixture, once', () => {
  const listed = [...tsvRows, ...currentApiRows].map((row) => row.op);
  expect(new Set(listed).size).toBe(listed.length);
  const registered = registry
    .all()
    .filter(({ operation }) => operation.kind !== 'trigger')
    .map(({ operation }) => operation.name);
  expect(registered.filter((name) => !listed.includes(name))).toEqual([]);
});
