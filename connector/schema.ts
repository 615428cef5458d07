// The connector's one ajv instance: strict draft-07 plus the connector's form keywords and formats,
// with every shared definition of schemas/ registered by its $id.

import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { sharedSchemas, type JsonSchema } from './schema-documents.js';
import { formats } from './problems.js';

export { isDate, isDateTime, isEmail, toProblems } from './problems.js';

export { isPlainObject, refine, resolvePointer, sharedSchemas, type JsonSchema } from './schema-documents.js';

/** Keywords the form builders read; ajv only checks that they are well-formed. */
const formKeywords = [
  {
    keyword: 'lookup',
    metaSchema: {
      type: 'object',
      required: ['operation'],
      additionalProperties: false,
      properties: { operation: { type: 'string' }, input: { type: 'object' } },
    },
  },
  { keyword: 'advanced', metaSchema: { type: 'boolean' } },
  { keyword: 'enumLabels', metaSchema: { type: 'array', items: { type: 'string' } } },
];

/** An ajv instance with the connector's keywords, formats and shared schemas; `options` adds e.g. `code` for standalone output. */
export const createAjv = (options: Options = {}): Ajv => {
  const instance = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true, ...options });
  for (const keyword of formKeywords) instance.addKeyword(keyword);
  for (const [name, { validate }] of Object.entries(formats)) instance.addFormat(name, { type: 'string', validate });
  // Registered without validating them against the meta-schema here (that costs a start ~50 ms): the
  // test suite checks every shared schema with sharedSchemaProblems(), and compile() checks each operation's.
  for (const schema of sharedSchemas().values()) instance.addSchema(schema, undefined, undefined, false);
  return instance;
};

export const ajv = createAjv();

/** Why the shared schemas are not valid draft-07 with the connector's keywords ([] when they are). */
export const sharedSchemaProblems = (): string[] =>
  [...sharedSchemas().entries()].flatMap(([id, schema]) => (ajv.validateSchema(schema) ? [] : [`${id}: ${ajv.errorsText(ajv.errors)}`]));

export const compile = (schema: JsonSchema): ValidateFunction => ajv.compile(schema);

// ---- bundling ----------------------------------------------------------------------------------
