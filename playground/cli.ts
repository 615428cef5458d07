// `salesloft-connector playground [--port N]`: serves the playground page until SIGINT or SIGTERM.

import type { CliIO } from '../connector/cli.js';
import { untilStopped, UsageError } from '../connector/cli-args.js';
import { startPlayground } from './server.js';

export const playgroundUsage = `Usage: salesloft-connector playground [--port N]

Serves a page on http://127.0.0.1:N that lists every operation, draws its form with live dropdowns and
runs it: against an embedded sandbox, or against SalesLoft when SALESLOFT_ACCESS_TOKEN is set (the token
stays in this process and never reaches the page). --port 0 (the default) picks a free port.`;

const parsePort = (args: string[]): number | undefined => {
  const index = args.indexOf('--port');
  if (index === -1) return 0;
  const text = args[index + 1] ?? '';
  const port = Number(text);
  return /^\d+$/.test(text) && port <= 65535 ? port : undefined;
};

/** Resolves to the exit code once the server has stopped (a signal, or `stop` aborted). */
export const runPlayground = async (args: string[], io: CliIO, stop?: AbortSignal): Promise<number> => {
  if (args.includes('--help')) {
    io.out(playgroundUsage);
    return 0;
  }
  const unknown = args.filter((arg, index) => arg.startsWith('--') && arg !== '--port' && args[index - 1] !== '--port');
  const port = parsePort(args);
  if (unknown.length || port === undefined) {
    throw new UsageError(`${unknown.length ? `unknown option ${unknown[0]}` : '--port needs a whole number from 0 to 65535'}.\n${playgroundUsage}`);
  }
  let playground: Awaited<ReturnType<typeof startPlayground>>;
  try {
    playground = await startPlayground({ port, env: io.env });
  } catch (error) {
    // Worded as `listen` words it: a port in use is the user's to change, not an unexpected failure.
    io.err(`error: cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
    return 1;
  }
  const where =
    playground.target.kind === 'sandbox'
      ? `runs go to an embedded sandbox at ${playground.target.baseUrl}`
      : `runs go to SalesLoft at ${playground.target.baseUrl} with the token from SALESLOFT_ACCESS_TOKEN`;
  io.out(`Playground on ${playground.url} (${where}). Stop with Ctrl+C.`);
  await untilStopped(stop);
  await playground.close();
  return 0;
};
