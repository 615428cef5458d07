// The streaming commands of the CLI: `run <list> --all [--limit N]` prints every record of a list as
// NDJSON as its pages arrive; `poll <trigger> --state-file FILE` runs one poll, prints its changes as
// NDJSON and writes the new state. Progress (records, requests, rate budget left) goes to stderr, and
// only when stderr is a terminal, so that piped output and logs stay clean.

import { once } from 'node:events';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { option, readInput, UsageError, withConnector } from './cli-args.js';
import type { CliIO } from './cli.js';
import type { WalkStats } from './paginate.js';
import type { PollResult } from './poll.js';
import { maskSecretFields } from './secrets.js';

/** Where progress is drawn: stderr when it is a terminal; tests give a stream of their own. */
export interface StreamIO extends CliIO {
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
}

const progressStream = (io: StreamIO): StreamIO['progress'] => {
  const stream = io.progress ?? process.stderr;
  return stream.isTTY ? stream : undefined;
};

const positiveInteger = (args: string[], name: string): number | undefined => {
  const text = option(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name} must be a whole number of 1 or more, not ${JSON.stringify(text)}.`);
  return value;
};

const connectorOptions = (args: string[], io: CliIO) => ({ baseUrl: option(args, '--base-url'), env: io.env });

/** `run <list operation> --all [--limit N] [--allow-deep-pages]`: one JSON record per line. */
export const runAll = async (args: string[], io: StreamIO): Promise<number> => {
  const [name] = args;
  const input = readInput(option(args, '--input'));
  const limit = positiveInteger(args, '--limit');
  const stream = progressStream(io);
  const bar = stream
    ? new cliProgress.SingleBar({
        stream,
        format: `${name}: {value} records | {requests} requests | {cost} rate-limit points | {remaining} left this minute`,
        fps: 5,
        hideCursor: true,
      })
    : undefined;
  const show = (stats: WalkStats): void => bar?.update(stats.records, { requests: stats.requests, cost: stats.rateLimitCost, remaining: stats.rateLimitRemaining ?? '?' });
  bar?.start(limit ?? 0, 0, { requests: 0, cost: 0, remaining: '?' });
  await withConnector(connectorOptions(args, io), async (connector) => {
    const walk = connector.paginate(name, input, {
      limit,
      allowDeepPages: args.includes('--allow-deep-pages'),
      warn: (message) => io.err(`warning: ${message}`),
      onPage: show,
    });
    try {
      for await (const record of walk) {
        io.out(JSON.stringify(maskSecretFields(record)));
        // A slow reader of a pipe holds the walk back instead of the records piling up in memory.
        if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
      }
    } finally {
      show({ ...walk.stats });
      bar?.stop();
    }
  });
  return 0;
};

/** `poll <trigger> --state-file FILE [--input JSON]`: the changes as NDJSON, the new state into FILE. */
export const runPollCommand = async (args: string[], io: StreamIO): Promise<number> => {
  const [name] = args;
  if (!name || name.startsWith('--')) throw new UsageError('poll needs a polling trigger such as poll_people: see `salesloft-connector ops`.');
  const stateFile = option(args, '--state-file');
  if (!stateFile) throw new UsageError('poll needs --state-file FILE: the poll reads where the previous one stopped from it and writes the new state to it.');
  if (!existsSync(dirname(resolve(stateFile)))) throw new UsageError(`--state-file ${stateFile}: its folder does not exist, so the new state could not be saved. Create the folder or give another path.`);
  const input = readInput(option(args, '--input'));
  if (existsSync(stateFile)) {
    try {
      input.state = JSON.parse(readFileSync(stateFile, 'utf8'));
    } catch (error) {
      throw new UsageError(`--state-file ${stateFile} is not JSON (${(error as Error).message}): give the file an earlier poll wrote, or a new file name to start from now.`);
    }
  }
  // The name is known only at run time; the runner checks it and the input before sending anything.
  const result = (await withConnector(connectorOptions(args, io), (connector) => connector.run(name as never, input as never))) as PollResult;
  // Printed before the state is saved: if this stops midway, the next poll prints these changes again
  // rather than losing them.
  for (const change of result.records) io.out(JSON.stringify(maskSecretFields(change)));
  // Written whole, then renamed over the old file: an interrupted write never leaves half a state.
  writeFileSync(`${stateFile}.tmp`, `${JSON.stringify(result.state)}\n`);
  renameSync(`${stateFile}.tmp`, stateFile);
  if (result.has_more) io.err(`${name}: more changes are waiting (max_records reached); poll again.`);
  return 0;
};
