// `salesloft-connector bulk <type> --input @records.ndjson`: runs connector.bulk with a progress bar on
// stderr and prints the summary (job id, counts, failed records with SalesLoft's errors) on stdout.

import cliProgress from 'cli-progress';
import { oauthFromTokensFile } from './auth/tokens-file.js';
import { bulkJobTypes, type BulkJobType, type BulkProgress } from './bulk.js';
// From cli-args.ts, not cli.ts: importing cli.ts would deadlock on its top-level await when run as a process.
import { option, readInputFile, UsageError, withConnector } from './cli-args.js';
import type { CliIO } from './cli.js';

/** Records from a JSON array or NDJSON (one object a line), naming the line of a bad one. */
export const parseRecords = (text: string, source: string): object[] => {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new UsageError(`${source} is not a valid JSON array (${(error as Error).message}).`);
    }
    if (!Array.isArray(parsed) || !parsed.every((item) => item && typeof item === 'object' && !Array.isArray(item))) throw new UsageError(`${source} must hold JSON objects, one per record.`);
    return parsed as object[];
  }
  return trimmed
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line)
    .map(({ line, number }) => {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        throw new UsageError(`${source} line ${number} is not JSON (${(error as Error).message}): give one JSON object per line.`);
      }
      if (!record || typeof record !== 'object' || Array.isArray(record)) throw new UsageError(`${source} line ${number} must be a JSON object (one record).`);
      return record as object;
    });
};

export const runBulkCli = async (args: string[], io: CliIO): Promise<number> => {
  const type = args[0];
  if (!type || type.startsWith('--')) throw new UsageError(`bulk needs a job type: ${Object.keys(bulkJobTypes).join(', ')}.`);
  const input = option(args, '--input');
  const resume = option(args, '--resume');
  if (resume !== undefined && !/^\d+$/.test(resume)) throw new UsageError('--resume takes the id of a bulk job, e.g. --resume 301.');
  if (input === undefined && resume === undefined) throw new UsageError('bulk needs --input @records.ndjson (or --resume JOB_ID).');
  let records: object[] = [];
  if (input !== undefined) {
    if (!input.startsWith('@')) throw new UsageError('--input takes a file: --input @records.ndjson.');
    records = parseRecords(readInputFile(input), input.slice(1));
  }
  const tokens = option(args, '--tokens');
  const options = { baseUrl: option(args, '--base-url'), env: io.env, oauth: tokens ? oauthFromTokensFile(tokens, io.env) : undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {percentage}% | {value}/{total} | job {jobId} | {errors} failed', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const onProgress = ({ phase, sent, processed, total, errors, jobId }: BulkProgress) => {
    const value = phase === 'sending' ? sent : processed;
    if (!started) bar.start(total, value, { phase, errors, jobId });
    started = true;
    bar.update(value, { phase, errors, jobId });
  };
  try {
    const bulkOptions = { name: option(args, '--name'), resume: resume === undefined ? undefined : Number(resume), onProgress };
    const summary = await withConnector(options, (connector) => connector.bulk(type as BulkJobType, records, bulkOptions));
    bar.stop();
    io.err(`bulk job ${summary.jobId}: ${summary.succeeded} of ${summary.total} records succeeded, ${summary.failed} failed${summary.failed ? ' (listed in the output)' : ''}.`);
    io.out(JSON.stringify(summary, null, 2));
    return 0;
  } finally {
    bar.stop();
  }
};
