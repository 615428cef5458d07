#!/usr/bin/env node
// The salesloft-connector command: list, describe and run operations, or start the local sandbox.
// Exit codes: 0 success; 2 invalid input or usage (nothing was sent); 1 API or network error.

import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exitCodeOf, failureText, option, readInput, UsageError, withConnector } from './cli-args.js';
import type { Manifest, ManifestOperation } from './manifest.js';
import { packageRoot } from './paths.js';
import { maskSecretFields } from './secrets.js';
import type { JsonSchema } from './schema.js';

const usage = `Usage: salesloft-connector <command>

  ops [--json]                      list every operation (--json: the manifest's operations)
  describe <operation>              what an operation does, its inputs and a sample input
  run <operation> --input <json>    run an operation; --input '{"person_id": 1}' or --input @file.json
      [--base-url <url>]            (default SALESLOFT_BASE_URL, else https://api.salesloft.com)
  run <list operation> --all [--limit N]   every record of a list, one JSON line each, as pages arrive
  poll <trigger> --state-file FILE  one poll (e.g. poll_people): changes as JSON lines, new state into FILE
  sandbox [--port N] [--seed FILE]  start a local SalesLoft sandbox (port 0 picks a free one)
  playground [--port N]             a page on 127.0.0.1 to fill forms and run operations (sandbox unless a token is set)
  bulk person/upsert --input @records.ndjson   a bulk job from NDJSON or a JSON array: progress bar on
      [--resume JOB_ID] [--name N] [--tokens FILE]  stderr, summary and failed records on stdout
  login --client-id ID [--port N]   authorise an OAuth app in a browser over a loopback redirect; the tokens are
      [--out FILE]                  saved to FILE (default salesloft-tokens.json); secret from SALESLOFT_CLIENT_SECRET
  listen [--event TYPE ...]         receive webhooks locally, print each verified event (listen --help)

The token comes from the input's access_token or SALESLOFT_ACCESS_TOKEN.
Exit codes: 0 done, 2 invalid input or usage (nothing sent), 1 SalesLoft or network error.`;

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
}

const pad = (rows: string[][]): string => {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
};

const typeLabel = (schema: JsonSchema): string => {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  // A labelled enum, as the manifest gives it to form renderers: oneOf of {const, title}.
  const choices = schema.oneOf as JsonSchema[] | undefined;
  if (choices?.every((choice) => 'const' in choice)) return choices.map((choice) => `${JSON.stringify(choice.const)} (${String(choice.title)})`).join(' | ');
  if (schema.type === 'array' && schema.items) return `${typeLabel(schema.items as JsonSchema)}[]`;
  if (schema.type) return [schema.type].flat().join(' | ');
  if (schema.anyOf || schema.oneOf) return ((schema.anyOf ?? schema.oneOf) as JsonSchema[]).map((branch) => branch.title ?? typeLabel(branch)).join(' | ');
  return 'any';
};

const describeInputs = (schema: JsonSchema, prefix = '', depth = 0): string[] => {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties as Record<string, JsonSchema>) ?? {}).flatMap(([name, property]) => {
    const lookup = property.lookup ?? (property.items as JsonSchema | undefined)?.lookup;
    const line = [
      `${'  '.repeat(depth + 1)}${prefix}${name}${required.has(name) ? ' (required)' : ''}: ${typeLabel(property)}`,
      property.title && property.title !== name ? ` — ${String(property.title)}` : '',
      property.description && String(property.description).replace(/\.$/, '') !== property.title ? `. ${String(property.description)}` : '',
      lookup ? ` [choices: ${(lookup as { operation: string }).operation}]` : '',
    ].join('');
    const nested = property.type === 'object' && property.properties && depth < 1 ? describeInputs(property, `${name}.`, depth + 1) : [];
    return [line, ...nested];
  });
};

const describeOperation = (operation: ManifestOperation): string => {
  const samplePath = join(packageRoot, 'samples', operation.name, 'input.json');
  return [
    `${operation.title} (${operation.name}, ${operation.type === 'ddl' ? 'dropdown list' : operation.type === 'trigger' ? `${operation.delivery} trigger` : 'operation'})`,
    operation.description,
    operation.path
      ? `Request: ${operation.method} ${operation.path}`
      : operation.event_type
        ? `Delivered by SalesLoft to webhook subscriptions of event type ${operation.event_type} (scope: ${operation.scope ?? 'none listed'})`
        : operation.list_operation
          ? `Reads: ${operation.list_operation}, by updated_at from the given state (run it with a state; \`salesloft-connector poll ${operation.name} --state-file FILE\`)`
          : 'Request: none (a fixed list)',
    '',
    'Inputs:',
    ...describeInputs(operation.input_schema),
    '',
    'Sample input:',
    existsSync(samplePath) ? readFileSync(samplePath, 'utf8').trim() : '{}',
  ].join('\n');
};

/** Runs the command line; resolves to the exit code. */
export const main = async (args: string[], io: CliIO): Promise<number> => {
  const [command, ...rest] = args;
  try {
    if (!command || command === '--help' || command === 'help') {
      io.out(usage);
      return command ? 0 : 2;
    }
    if (command === 'sandbox') {
      const { runSandboxCli } = await import('../sandbox/main.js');
      await runSandboxCli(rest);
      return 0;
    }
    // ops and describe read the generated manifest (kept fresh by `npm run generate` and its test);
    // run loads only the one operation it runs. Each command imports what it needs, when it needs it.
    let manifest: Manifest | undefined;
    const operations = (): ManifestOperation[] => (manifest ??= JSON.parse(readFileSync(join(packageRoot, 'connector.json'), 'utf8')) as Manifest).operations;
    const find = (name: string | undefined): ManifestOperation => {
      if (!name) throw new UsageError(`${command} needs an operation name: see \`salesloft-connector ops\`.`);
      const found = operations().find((operation) => operation.name === name);
      if (!found) throw new UsageError(`There is no operation named ${JSON.stringify(name)}: see \`salesloft-connector ops\`.`);
      return found;
    };
    switch (command) {
      case 'ops':
        io.out(
          rest.includes('--json')
            ? JSON.stringify(operations(), null, 2)
            : pad([['NAME', 'TYPE', 'METHOD', 'PATH', 'TITLE'], ...operations().map((op) => [op.name, op.type, op.method ?? '-', op.path ?? '-', op.title])]),
        );
        return 0;
      case 'describe':
        io.out(describeOperation(find(rest[0])));
        return 0;
      case 'run': {
        const name = rest[0];
        if (!name || name.startsWith('--')) throw new UsageError('run needs an operation name: see `salesloft-connector ops`.');
        if (rest.includes('--all')) return await (await import('./cli-stream.js')).runAll(rest, io);
        const input = readInput(option(rest, '--input'));
        const output = await withConnector({ baseUrl: option(rest, '--base-url'), env: io.env }, (connector) => connector.runByName(name, input));
        io.out(JSON.stringify(maskSecretFields(output), null, 2));
        return 0;
      }
      case 'playground':
        return await (await import('../playground/cli.js')).runPlayground(rest, io);
      case 'bulk':
        return await (await import('./cli-bulk.js')).runBulkCli(rest, io);
      case 'login':
        return await (await import('./cli-login.js')).runLogin(rest, io);
      case 'listen':
        return await (await import('./cli-listen.js')).runListen(rest, io);
      case 'poll':
        return await (await import('./cli-stream.js')).runPollCommand(rest, io);
      default:
        throw new UsageError(`Unknown command ${JSON.stringify(command)}.\n${usage}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      return 2;
    }
    io.err(failureText(error));
    return exitCodeOf(error);
  }
};

const invokedPath = process.argv[1] && existsSync(process.argv[1]) ? realpathSync(process.argv[1]) : '';
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  const code = await main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  });
  process.exitCode = code;
}
