// Command-line arguments shared by the CLI's commands. A module of its own so that command modules
// loaded by cli.ts can use it without importing cli.ts, whose top-level await would deadlock them.

import { existsSync, readFileSync } from 'node:fs';
import { bounded, ConnectorError } from './errors.js';
import type { Connector, ConnectorOptions } from './runner.js';

export class UsageError extends Error {}

export const option = (args: string[], name: string): string | undefined => {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value.`);
  return value;
};

/** The text of the file an `--input @file` names. */
export const readInputFile = (text: string): string => {
  const file = text.slice(1);
  if (!existsSync(file)) throw new UsageError(`--input ${text}: no file ${file}.`);
  return readFileSync(file, 'utf8');
};

export const readInput = (text: string | undefined): Record<string, unknown> => {
  if (text === undefined) return {};
  const source = text.startsWith('@') ? readInputFile(text) : text;
  let input: unknown;
  try {
    input = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`--input is not valid JSON (${(error as Error).message}). Give an object such as '{"person_id": 1}' or @file.json.`);
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new UsageError('--input must be a JSON object such as {"person_id": 1}.');
  return input as Record<string, unknown>;
};

/**
 * Runs `use` with a connector for one command and closes it afterwards, whatever happens: with
 * SALESLOFT_REDIS_URL, the shared budget's Redis connection would otherwise keep the process alive.
 * The runner is imported here, when a command needs it, so that `ops` and `describe` start without it.
 */
export const withConnector = async <T>(options: ConnectorOptions, use: (connector: Connector) => Promise<T>): Promise<T> => {
  const { createConnector } = await import('./runner.js');
  const connector = createConnector(options);
  try {
    return await use(connector);
  } finally {
    await connector.close();
  }
};

/** Resolves when a long-running command should stop: Ctrl-C (SIGINT), SIGTERM, or `stop` aborting (tests). */
export const untilStopped = (stop?: AbortSignal): Promise<void> =>
  new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      stop?.removeEventListener('abort', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    if (stop?.aborted) done();
    else stop?.addEventListener('abort', done);
  });

/** A failed run as the command line words it on stderr (the playground page shows the same text). */
export const failureText = (error: unknown): string => {
  if (!(error instanceof ConnectorError)) return `error: unexpected failure: ${bounded(String((error as Error)?.message ?? error), 500)}`;
  const outcome = error.outcome === 'unknown' ? '\noutcome: unknown - the change may have been applied in SalesLoft; check before running again.' : '';
  return `error: ${error.message}${outcome}`;
};

/** The exit code of a failed command: 2 when nothing was sent (input, configuration, a refused request), else 1. */
export const exitCodeOf = (error: unknown): number =>
  error instanceof ConnectorError && ['input', 'configuration', 'refused'].includes(error.kind) ? 2 : 1;
