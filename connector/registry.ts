// Every operation, main and DDL: found by folder (operations/<name>/, ddl/<name>/), so adding an
// operation is adding its folder. Schemas are read from the package's data files.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import type { Operation, OperationKind } from './operation.js';
import { folderOfKind, operationFolder } from './paths.js';
import { readJson, type JsonSchema } from './schema-documents.js';

export interface RegisteredOperation {
  operation: Operation;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  folder: string;
}

// The modules sit beside this file's tree: TypeScript sources in development, dist/ once built.
const moduleExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const moduleTree = fileURLToPath(new URL('..', import.meta.url));

const kinds = Object.keys(folderOfKind) as OperationKind[];

const loadOne = async (kind: OperationKind, name: string): Promise<RegisteredOperation> => {
  const modulePath = join(moduleTree, folderOfKind[kind], name, `operation${moduleExtension}`);
  const { default: operation } = (await import(modulePath)) as { default: Operation };
  if (operation?.name !== name || operation.kind !== kind) {
    throw new Error(`${modulePath} must default-export the ${kind} operation named ${name}`);
  }
  const folder = operationFolder(kind, name);
  return {
    operation,
    folder,
    inputSchema: readJson(join(folder, 'input.schema.json')) as JsonSchema,
    outputSchema: readJson(join(folder, 'output.schema.json')) as JsonSchema,
  };
};

/** Compiled validators, shared by the whole registry and single-operation loads: each compiled once, on first use. */
const validators = new Map<string, ValidateFunction>();

/** ajv's compile, once schema.ts (and with it ajv) is loaded: only when a validator was not built ahead. */
let compile: ((schema: JsonSchema) => ValidateFunction) | undefined;
const loadCompiler = async (): Promise<void> => {
  compile ??= (await import('./schema.js')).compile;
};

/** The compiled validator of an operation's input or output schema (after loadRegistry or loadValidator). */
const validatorOf = (entry: RegisteredOperation, which: 'input' | 'output'): ValidateFunction => {
  const key = `${entry.operation.name}/${which}`;
  let validate = validators.get(key);
  if (!validate) {
    if (!compile) throw new Error('validatorOf needs loadRegistry() or loadValidator() first');
    validate = compile(which === 'input' ? entry.inputSchema : entry.outputSchema);
    validators.set(key, validate);
  }
  return validate;
};

/** Where `npm run build` writes each operation's input validator as ajv standalone code (dist/validators/<name>.input.js). */
export const standaloneValidatorPath = (name: string, which: 'input' | 'output'): string => join(moduleTree, 'validators', `${name}.${which}.js`);

/**
 * An operation's validator without loading ajv when the build compiled it ahead (from dist/); else
 * compiled here, once. The source tree (tests, tsx) always compiles.
 */
export const loadValidator = async (entry: RegisteredOperation, which: 'input' | 'output'): Promise<ValidateFunction> => {
  const key = `${entry.operation.name}/${which}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const prebuilt = moduleExtension === '.js' ? standaloneValidatorPath(entry.operation.name, which) : undefined;
  if (prebuilt && existsSync(prebuilt)) {
    const { default: validate } = (await import(pathToFileURL(prebuilt).href)) as { default: ValidateFunction };
    validators.set(key, validate);
    return validate;
  }
  await loadCompiler();
  return validatorOf(entry, which);
};

/** Operations already imported, by name; filled by loadOperation and loadRegistry alike. */
const loaded = new Map<string, Promise<RegisteredOperation>>();
/** Imports run one at a time: jest's ESM loader fails on concurrent imports sharing a module being linked. */
let importQueue: Promise<unknown> = Promise.resolve();

const loadCached = (kind: OperationKind, name: string): Promise<RegisteredOperation> => {
  let entry = loaded.get(name);
  if (!entry) {
    entry = importQueue.then(() => loadOne(kind, name));
    importQueue = entry.catch(() => undefined);
    loaded.set(name, entry);
  }
  return entry;
};

const operationName = /^[a-z][a-z0-9_]*$/;

/**
 * One operation by name, importing only its module and reading only its two schemas (what a single
 * run or a CLI command needs); undefined when there is no such operation.
 */
export const loadOperation = async (name: string): Promise<RegisteredOperation | undefined> => {
  if (typeof name !== 'string' || !operationName.test(name)) return undefined;
  const kind = kinds.find((candidate) => loaded.has(name) || existsSync(join(moduleTree, folderOfKind[candidate], name, `operation${moduleExtension}`)));
  return kind ? loadCached(kind, name) : undefined;
};

export class Registry {
  private readonly byName: Map<string, RegisteredOperation>;

  constructor(operations: RegisteredOperation[]) {
    this.byName = new Map(operations.map((entry) => [entry.operation.name, entry]));
  }

  all(): RegisteredOperation[] {
    return [...this.byName.values()];
  }

  get(name: string): RegisteredOperation | undefined {
    return this.byName.get(name);
  }

  validator(name: string, which: 'input' | 'output'): ValidateFunction {
    const entry = this.byName.get(name);
    if (!entry) throw new Error(`unknown operation ${name}`);
    return validatorOf(entry, which);
  }
}

let loading: Promise<Registry> | undefined;

export const loadRegistry = (): Promise<Registry> => {
  loading ??= (async () => {
    await loadCompiler();
    const entries: RegisteredOperation[] = [];
    for (const kind of kinds) {
      const dir = join(moduleTree, folderOfKind[kind]);
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) entries.push(await loadCached(kind, entry.name));
      }
    }
    return new Registry(entries.sort((a, b) => a.operation.name.localeCompare(b.operation.name)));
  })();
  return loading;
};
