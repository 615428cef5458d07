// `salesloft-connector sandbox [--port N] [--host H] [--seed FILE] [--people N] [--quiet]`: runs the sandbox until SIGINT/SIGTERM.

import { pathToFileURL } from 'node:url';
import { untilStopped } from '../connector/cli-args.js';
import { startSandbox, type SandboxOptions } from './server.js';

export interface SandboxCliIo {
  /** Where the listening line and request log go; default console.log. */
  print?: (line: string) => void;
  /** Stops the sandbox when aborted (besides SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

export const SANDBOX_USAGE = `Usage: salesloft-connector sandbox [--port N] [--host HOST] [--seed FILE] [--people N] [--quiet]

Runs a local server that behaves like SalesLoft API v2 (any Bearer token is accepted).
  --port N       port to listen on (default 0: a free port)
  --host HOST    interface to bind (default 127.0.0.1)
  --seed FILE    JSON seed file (same shape as the built-in seed)
  --people N     add N generated people to the seed (a sandbox at scale, e.g. 100000)
  --quiet        do not log each request`;

export function parseSandboxArgs(argv: string[]): SandboxOptions & { quiet: boolean; help: boolean } {
  const out: SandboxOptions & { quiet: boolean; help: boolean } = { quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    if (name === '--port' || name === '-p') {
      const v = value();
      const port = Number(v);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer between 0 and 65535, got ${v}`);
      out.port = port;
    } else if (name === '--host') out.host = value();
    else if (name === '--seed') out.seed = value();
    else if (name === '--people') {
      const v = value();
      const people = Number(v);
      if (!Number.isInteger(people) || people < 0 || people > 10_000_000) throw new Error(`--people must be an integer between 0 and 10000000, got ${v}`);
      out.people = people;
    }
    else if (name === '--quiet' || name === '-q') out.quiet = true;
    else if (name === '--help' || name === '-h') out.help = true;
    else if (name === 'sandbox' && i === 0) continue; // tolerate the sub-command name
    else throw new Error(`Unknown option ${arg}\n${SANDBOX_USAGE}`);
  }
  return out;
}

/** Starts the sandbox and resolves once it has been stopped (SIGINT, SIGTERM or io.signal). */
export async function runSandboxCli(argv: string[], io: SandboxCliIo = {}): Promise<void> {
  const print = io.print ?? ((line: string) => console.log(line));
  const { quiet, help, ...options } = parseSandboxArgs(argv);
  if (help) {
    print(SANDBOX_USAGE);
    return;
  }
  const sandbox = await startSandbox({ ...options, ...(quiet ? {} : { log: print }) });
  print(`SalesLoft sandbox listening on ${sandbox.url}`);
  await untilStopped(io.signal);
  await sandbox.close();
  print('SalesLoft sandbox stopped');
}

// Run directly: node dist/sandbox/main.js --port 4010
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSandboxCli(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
