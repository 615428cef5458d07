// From a manifest input schema to what the stock renderer (@rjsf/core) draws: the schema it is given
// and the uiSchema that points the connector's keywords at our widgets and labels.

import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Schema } from '../protocol.js';

export interface Lookup {
  operation: string;
  input?: Record<string, unknown>;
}

/** The uiSchema options a lookup field carries to the lookup widget. */
export interface LookupOptions {
  lookup: Lookup;
  /** Where in the form data the field's object sits; `{{{name}}}` values are looked for from there up. */
  parentPath: string[];
}

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The form's schema: the access token is the server's business, so the page never asks for one; the
 * title is the page's heading already.
 */
export const formSchemaOf = (inputSchema: Schema): RJSFSchema => {
  const { title: _title, ...schema } = inputSchema;
  void _title;
  const properties = { ...((schema.properties as Record<string, Schema> | undefined) ?? {}) };
  delete properties.access_token;
  return { ...schema, properties } as RJSFSchema;
};

/**
 * The uiSchema for a schema at `path` of the form data: `lookup` fields get the lookup widget,
 * Tray-style `enumLabels` become `ui:enumNames` (a `oneOf` of `{const, title}` needs nothing), and
 * `advanced` is read by the object template, which folds those fields away.
 */
export const uiSchemaOf = (schema: Schema, path: string[] = []): UiSchema => {
  const ui: UiSchema = {};
  if (isObject(schema.lookup)) {
    ui['ui:widget'] = 'lookup';
    ui['ui:options'] = { lookup: schema.lookup as unknown as Lookup, parentPath: path.slice(0, -1) } satisfies LookupOptions;
  }
  if (Array.isArray(schema.enumLabels) && Array.isArray(schema.enum)) ui['ui:enumNames'] = schema.enumLabels as string[];
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  for (const [name, property] of Object.entries(properties)) ui[name] = uiSchemaOf(property, [...path, name]);
  // The renderer draws the chosen branch of an anyOf/oneOf with the uiSchema at the same index.
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[keyword])) ui[keyword] = (schema[keyword] as Schema[]).map((branch) => uiSchemaOf(branch, path));
  }
  if (isObject(schema.items)) ui.items = uiSchemaOf(schema.items, [...path, '*']);
  return ui;
};

/** A lookup's input with each `{{{name}}}` replaced by that field's value, from the field's object up to the root. */
export const lookupInput = (options: LookupOptions, formData: unknown, search: string): Record<string, unknown> => {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options.lookup.input ?? {})) {
    const reference = /^\{\{\{(\w+)\}\}\}$/.exec(String(value))?.[1];
    if (!reference) {
      input[key] = value;
      continue;
    }
    const found = valueNear(formData, options.parentPath, reference);
    if (found !== undefined && found !== '') input[key] = found;
  }
  if (search) input.search = search;
  return input;
};

const valueNear = (formData: unknown, path: string[], name: string): unknown => {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = path.slice(0, depth).reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), formData);
    if (isObject(node) && node[name] !== undefined) return node[name];
  }
  return undefined;
};

/** Problem paths (`fields.person_id`, `fields.tags[0]`) as the renderer's error schema. */
export const errorSchemaOf = (problems: Array<{ path: string; message: string }>): ErrorSchema => {
  const root: Record<string, unknown> = {};
  for (const { path, message } of problems) {
    const keys = path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '' && key !== 'input');
    let node = root;
    for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(message);
  }
  return root as ErrorSchema;
};
