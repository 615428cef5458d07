// The connector's own cost beside bare got (issue 9, parts 1 and 2), measured side by side in one run:
// alternating rounds, medians (per call: the median of paired rounds' ratios). Prints figures; asserts nothing.
//
// - per call: run('get_person') against got GETting the same URL with the same Bearer header, from a
//   fixed-response server in a child process, sequentially and at concurrency 16;
// - per process: the CLI's `run get_person`, `ops` and `describe create_person` against a script that
//   imports got, does the same GET and prints the JSON (whole process, wall time).

import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import got from 'got';
import { createConnector } from '../connector/index.js';
import { packageRoot } from '../connector/paths.js';
import { median } from './bench-stats.js';

const run = promisify(execFile);

const fixedServer = `
const body = JSON.stringify({ data: { id: 1, first_name: 'Ada', last_name: 'Lovelace', email_address: 'ada@example.com' } });
require('node:http').createServer((request, response) => {
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`;

const startServer = async (): Promise<{ url: string; stop: () => void }> => {
  const child = spawn(process.execPath, ['-e', fixedServer], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
};

/** Microseconds per call of `task`, `calls` calls with `concurrency` in flight. */
const perCall = async (calls: number, concurrency: number, task: () => Promise<unknown>): Promise<number> => {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < calls) await task();
    }),
  );
  return ((performance.now() - t0) * 1000) / calls;
};

const row = (what: string, connector: number, baseline: number, unit: string, goal: string, ratio = connector / baseline): void => {
  console.log(`${what.padEnd(58)} ${connector.toFixed(unit === 's' ? 3 : 0).padStart(8)} ${unit}  ${baseline.toFixed(unit === 's' ? 3 : 0).padStart(8)} ${unit}  ${ratio.toFixed(2).padStart(5)}  (goal ${goal})`);
};

export const benchOverhead = async (): Promise<void> => {
  const server = await startServer();
  const token = 'bench-token-0123456789';
  const connector = createConnector({ baseUrl: server.url, accessToken: token, env: {} });
  const url = `${server.url}/v2/people/1`;
  const bare = () => got(url, { headers: { authorization: `Bearer ${token}` } }).json();
  const viaConnector = () => connector.run('get_person', { person_id: 1 });

  console.log(`${'what'.padEnd(58)} ${'connector'.padStart(11)} ${'baseline'.padStart(11)}  ratio`);
  for (const concurrency of [1, 16]) {
    await perCall(300, concurrency, bare);
    await perCall(300, concurrency, viaConnector);
    const mine: number[] = [];
    const base: number[] = [];
    // Pairs of rounds in alternating order (a machine that speeds up or slows down favours neither),
    // and the ratio as the median of the pairs' ratios: on a shared 2-core machine (this process, the
    // server's) a single pair swings by 10% either way.
    for (let round = 0; round < 21; round++) {
      const [first, second] = round % 2 ? [viaConnector, bare] : [bare, viaConnector];
      const a = await perCall(500, concurrency, first);
      const b = await perCall(500, concurrency, second);
      base.push(round % 2 ? b : a);
      mine.push(round % 2 ? a : b);
    }
    const ratio = median(mine.map((time, round) => time / base[round]));
    row(`run('get_person') vs bare got GET, ${concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`}`, median(mine), median(base), 'µs', '≤ 1.05', ratio);
  }

  // The connector's own work per run, apart from the network: a second connector whose got instance is
  // replaced by one that answers at once with the fixed server's response (its private field, for this
  // measurement only). Beside a bare got call's time, it is the runner's share, free of the ±5% that
  // a shared machine puts on the wall-time ratios above.
  const answered = await got(url, { headers: { authorization: `Bearer ${token}` } });
  const offline = createConnector({ baseUrl: server.url, accessToken: token, env: {} });
  (offline as unknown as { http: () => Promise<unknown> }).http = async () => ({ statusCode: 200, headers: answered.headers, body: answered.body });
  const own = () => offline.run('get_person', { person_id: 1 });
  await perCall(20_000, 1, own);
  const ownRounds: number[] = [];
  const bareRounds: number[] = [];
  for (let round = 0; round < 9; round++) {
    ownRounds.push(await perCall(20_000, 1, own));
    bareRounds.push(await perCall(500, 1, bare));
  }
  const ownMedian = median(ownRounds);
  console.log(
    `${"the runner's own work per run (HTTP answered in-process)".padEnd(58)} ${ownMedian.toFixed(1).padStart(8)} µs  ${median(bareRounds).toFixed(0).padStart(8)} µs  ${(1 + ownMedian / median(bareRounds)).toFixed(3).padStart(5)}  (1 + own / a bare got call)`,
  );

  const cli = join(packageRoot, 'dist', 'connector', 'cli.js');
  const bareScript = join(packageRoot, 'dist', 'scripts', 'bench-bare-get.js');
  const env = { ...process.env, SALESLOFT_ACCESS_TOKEN: token, SALESLOFT_BASE_URL: server.url };
  const wall = async (args: string[]): Promise<number> => {
    const t0 = performance.now();
    await run(process.execPath, args, { env });
    return (performance.now() - t0) / 1000;
  };
  const commands: Array<[string, string[], string]> = [
    ['CLI run get_person vs a bare got script (process wall)', [cli, 'run', 'get_person', '--input', '{"person_id": 1}'], '≤ 1.3'],
    ['CLI ops vs the same script', [cli, 'ops'], '≤ 1.5'],
    ['CLI describe create_person vs the same script', [cli, 'describe', 'create_person'], '≤ 1.5'],
  ];
  const times = commands.map(() => [] as number[]);
  const base: number[] = [];
  await wall([bareScript, url]);
  for (let round = 0; round < 9; round++) {
    base.push(await wall([bareScript, url]));
    for (const [index, [, args]] of commands.entries()) times[index].push(await wall(args));
  }
  for (const [index, [what, , goal]] of commands.entries()) row(what, median(times[index]), median(base), 's', goal);
  server.stop();
};
