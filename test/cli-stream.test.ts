// The CLI's streaming commands against the sandbox: `run <list> --all` as NDJSON (with progress only on a
// terminal), and `poll <trigger> --state-file`.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import nock from 'nock';
import { main } from '../connector/cli.js';
import type { StreamIO } from '../connector/cli-stream.js';
import { packageRoot } from '../connector/paths.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { useRedis } from './support.js';

let sandbox: Sandbox;
let folder: string;
const redis = useRedis();

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  sandbox = await startSandbox({ rateLimit: { budget: 100_000 } });
  folder = mkdtempSync(join(tmpdir(), 'cli-stream-'));
});
afterEach(async () => {
  await sandbox.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A stream that says it is a terminal, collecting what is drawn on it. */
const fakeTerminal = (): Writable & { isTTY: boolean; columns: number; drawn: string[] } => {
  const drawn: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      drawn.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; drawn: string[] };
  Object.assign(stream, { isTTY: true, columns: 120, drawn, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return stream;
};

const cli = async (args: string[], progress?: StreamIO['progress']) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: StreamIO = { out: (text) => out.push(text), err: (text) => err.push(text), env: { SALESLOFT_ACCESS_TOKEN: 'cli-token', SALESLOFT_BASE_URL: sandbox.url }, progress: progress ?? new Writable({ write: (_c, _e, done) => done() }) };
  const code = await main(args, io);
  return { code, out, err };
};

test('run list_people --all prints one JSON line per person, across pages', async () => {
  for (let n = 0; n < 230; n++) sandbox.store.insert('people', { last_name: `Streamed ${n}` });
  const { code, out, err } = await cli(['run', 'list_people', '--all']);
  expect(code).toBe(0);
  const ids = out.map((line) => (JSON.parse(line) as { id: number }).id);
  expect(ids.sort((a, b) => a - b)).toEqual(sandbox.store.list('people').map((person) => person.id));
  expect(sandbox.requests.length).toBe(3);
  expect(err).toEqual([]);
});

test('--limit stops early; --input filters', async () => {
  const { out } = await cli(['run', 'list_people', '--all', '--limit', '5']);
  expect(out).toHaveLength(5);
  const filtered = await cli(['run', 'list_people', '--all', '--input', '{"person_stage_id": [21]}']);
  expect(filtered.out.length).toBeGreaterThan(0);
  for (const line of filtered.out) expect((JSON.parse(line) as { person_stage: { id: number } }).person_stage.id).toBe(21);
});

test('progress is drawn on a terminal only: records, requests and the rate budget left', async () => {
  const terminal = fakeTerminal();
  await cli(['run', 'list_people', '--all'], terminal);
  const people = sandbox.store.list('people').length;
  expect(terminal.drawn.join('')).toMatch(new RegExp(`list_people: ${people} records \\| 1 requests \\| 1 rate-limit points \\| \\d+ left this minute`));
  const pipe = fakeTerminal();
  pipe.isTTY = false;
  await cli(['run', 'list_people', '--all'], pipe);
  expect(pipe.drawn).toEqual([]);
});

test('poll --state-file: the first poll writes the state; the next prints the changes and moves the state on', async () => {
  const stateFile = join(folder, 'state.json');
  const first = await cli(['poll', 'poll_people', '--state-file', stateFile]);
  expect([first.code, first.out]).toEqual([0, []]);
  const firstState = JSON.parse(readFileSync(stateFile, 'utf8'));
  expect(firstState).toHaveProperty('after');

  sandbox.store.update('people', 3003, { title: 'Head of Ops' });
  const created = sandbox.store.insert('people', { last_name: 'Polled' });
  const second = await cli(['poll', 'poll_people', '--state-file', stateFile]);
  expect(second.code).toBe(0);
  expect(second.out.map((line) => JSON.parse(line)).map(({ change, record }) => [record.id, change])).toEqual([
    [3003, 'updated'],
    [created.id, 'created'],
  ]);
  expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ after: created.updated_at, seen_at_after: [created.id] });
  expect((await cli(['poll', 'poll_people', '--state-file', stateFile])).out).toEqual([]);
});

test('usage mistakes exit 2 and say what to do, sending nothing', async () => {
  const noFile = await cli(['poll', 'poll_people']);
  expect([noFile.code, noFile.err.join('')]).toEqual([2, expect.stringMatching(/needs --state-file/)]);
  const badLimit = await cli(['run', 'list_people', '--all', '--limit', '0']);
  expect([badLimit.code, badLimit.err.join('')]).toEqual([2, expect.stringMatching(/--limit must be a whole number/)]);
  const notList = await cli(['run', 'get_person', '--all', '--input', '{"person_id": 3001}']);
  expect([notList.code, notList.err.join('')]).toEqual([2, expect.stringMatching(/not a list operation/)]);
  const badState = join(folder, 'bad.json');
  writeFileSync(badState, 'not json');
  const broken = await cli(['poll', 'poll_people', '--state-file', badState]);
  expect([broken.code, broken.err.join('')]).toEqual([2, expect.stringMatching(/is not JSON/)]);
  const noFolder = await cli(['poll', 'poll_people', '--state-file', join(folder, 'missing', 'state.json')]);
  expect([noFolder.code, noFolder.err.join('')]).toEqual([2, expect.stringMatching(/its folder does not exist/)]);
  expect(sandbox.requests).toHaveLength(0);
});

test('as a real process with stdout piped: one line per person, nothing on stderr', async () => {
  for (let n = 0; n < 150; n++) sandbox.store.insert('people', { last_name: `Piped ${n}` });
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(packageRoot, 'dist', 'connector', 'cli.js'), 'run', 'list_people', '--all'], {
    env: { PATH: process.env.PATH, SALESLOFT_ACCESS_TOKEN: 'cli-token', SALESLOFT_BASE_URL: sandbox.url },
  });
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(sandbox.store.list('people').length);
  expect(new Set(lines.map((line) => (JSON.parse(line) as { id: number }).id)).size).toBe(lines.length);
  expect(stderr).toBe('');
});

test('with SALESLOFT_REDIS_URL, run --all and poll end as real processes once done (the shared budget\'s connection is closed)', async () => {
  const env = { PATH: process.env.PATH, SALESLOFT_ACCESS_TOKEN: 'cli-token', SALESLOFT_BASE_URL: sandbox.url, SALESLOFT_REDIS_URL: redis.url };
  const cliProcess = (args: string[]) => promisify(execFile)(process.execPath, [join(packageRoot, 'dist', 'connector', 'cli.js'), ...args], { env, timeout: 20_000 });
  const listed = await cliProcess(['run', 'list_people', '--all', '--limit', '3']);
  expect(listed.stdout.trim().split('\n')).toHaveLength(3);
  const polled = await cliProcess(['poll', 'poll_people', '--state-file', join(folder, 'redis-state.json')]);
  expect(JSON.parse(readFileSync(join(folder, 'redis-state.json'), 'utf8'))).toBeDefined();
  expect(`${listed.stderr}${polled.stderr}`).not.toMatch(/unreachable/);
});

test('describe says what a polling trigger reads and how to run it', async () => {
  const { code, out } = await cli(['describe', 'poll_people']);
  expect(code).toBe(0);
  expect(out.join('\n')).toMatch(/\(poll_people, poll trigger\)\n.*\nReads: list_people, by updated_at .*salesloft-connector poll poll_people --state-file FILE/);
});

test("a webhook subscription's callback token (its signing key) is printed as [redacted] by run and run --all", async () => {
  const callbackToken = 'sub-signing-key-8f3a61c2d9';
  const created = await cli(['run', 'create_webhook_subscription', '--input', JSON.stringify({ fields: { callback_url: 'http://127.0.0.1:9/hook', callback_token: callbackToken, event_type: 'person_created' } })]);
  expect(created.code).toBe(0);
  expect(JSON.parse(created.out.join('\n')).data).toMatchObject({ event_type: 'person_created', callback_token: '[redacted]' });
  sandbox.store.insert('webhook_subscriptions', { callback_url: 'http://127.0.0.1:9/other', callback_token: 'another-teams-key-77c0e1', event_type: 'person_updated', enabled: true });
  const listed = await cli(['run', 'list_webhook_subscriptions', '--all']);
  expect(listed.code).toBe(0);
  const subscriptions = listed.out.map((line) => JSON.parse(line) as { callback_token: string });
  expect(subscriptions.length).toBeGreaterThanOrEqual(2);
  expect(subscriptions.every((subscription) => subscription.callback_token === '[redacted]')).toBe(true);
  expect([...created.out, ...listed.out, ...created.err, ...listed.err].join('\n')).not.toMatch(/sub-signing-key|another-teams-key/);
});
