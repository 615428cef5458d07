// The package as a user installs it: `npm pack`, installed offline into a fresh project, where a
// consumer file type-checks against the published declarations and the installed bin runs an
// operation against the sandbox. Needs the build (`npm test` builds before jest runs).

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../connector/paths.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const project = mkdtempSync(join(tmpdir(), 'salesloft-connector-consumer-'));
const installed = join(project, 'node_modules', 'salesloft-connector');
interface Packed {
  filename: string;
  integrity: string;
  files: Array<{ path: string }>;
}
let packed: Packed;

type LockEntry = { version?: string; dependencies?: Record<string, string>; [key: string]: unknown };

/**
 * The consumer's lockfile: the tarball, and its dependencies exactly as this repository locks them.
 * `npm ci` caches the locked tarballs but not the registry's package documents that resolving version
 * ranges would need, so an offline install must be given the resolved tree.
 */
const consumerLock = (tarball: Packed) => {
  const lock = JSON.parse(readFileSync(join(packageRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; bin: Record<string, string> };
  const packages: Record<string, LockEntry> = {
    '': { name: 'consumer', dependencies: { 'salesloft-connector': `file:${tarball.filename}` } },
    'node_modules/salesloft-connector': { version: manifest.version, resolved: `file:${tarball.filename}`, integrity: tarball.integrity, dependencies: manifest.dependencies, bin: manifest.bin },
  };
  // Node's resolution: a dependency of node_modules/a/node_modules/b is looked up beside b, then upwards.
  const locate = (from: string, name: string): string => {
    for (let base = from; ; base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '') {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!base) throw new Error(`package-lock.json has no ${name} for ${from || 'the root'}`);
    }
  };
  const pending = Object.keys(manifest.dependencies).map((name) => locate('', name));
  while (pending.length) {
    const path = pending.pop()!;
    if (packages[path]) continue;
    const { dev: _dev, devOptional: _devOptional, ...entry } = lock.packages[path];
    void _dev;
    void _devOptional;
    packages[path] = entry;
    pending.push(...Object.keys(entry.dependencies ?? {}).map((name) => locate(path, name)));
  }
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages };
};
let sandbox: ChildProcess | undefined;


beforeAll(async () => {
  if (!existsSync(join(packageRoot, 'dist', 'connector', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
  // --ignore-scripts: the build is already there; `prepare` would rebuild it.
  const { stdout } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: packageRoot });
  [packed] = JSON.parse(stdout);
  const dependency = { 'salesloft-connector': `file:${packed.filename}` };
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: dependency }));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLock(packed)));
  await run(npm, ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: project });
}, 120_000);

afterAll(() => {
  sandbox?.kill();
  rmSync(project, { recursive: true, force: true });
});

test('the tarball ships what runs, the declarations and the data, and nothing else', () => {
  const paths = packed.files.map((file) => file.path);
  expect(paths.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
  expect(paths.filter((path) => path.startsWith('dist/scripts/') || path.startsWith('test/') || path.startsWith('scripts/'))).toEqual([]);
  for (const path of ['LICENSE', 'README.md', 'connector.json', 'package.json', 'dist/connector/index.js', 'dist/connector/index.d.ts', 'dist/connector/cli.js', 'dist/sandbox/server.js', 'dist/sandbox/server.d.ts', 'schemas/common.json', 'operations/get_person/input.schema.json', 'dist/operations/get_person/operation.js', 'samples/create_person/input.json']) {
    expect(paths).toContain(path);
  }
  expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
});

test('a consumer file type-checks against the installed package and its sandbox subpath', async () => {
  writeFileSync(
    join(project, 'consumer.ts'),
    `import { createConnector, InputError, type Operations } from 'salesloft-connector';
import { startSandbox } from 'salesloft-connector/sandbox';

export async function recipe(): Promise<number | null | undefined> {
  const sandbox = await startSandbox({ port: 0 });
  const salesloft = createConnector({ accessToken: 'token', baseUrl: sandbox.url });
  const { data } = await salesloft.run('get_person', { person_id: 3001 });
  const input: Operations['list_people']['input'] = { per_page: 10, sort_direction: 'ASC' };
  await salesloft.run('list_people', input);
  await salesloft.runByName(String(process.argv[2]), {}).catch((error: unknown) => error instanceof InputError);
  // @ts-expect-error a misspelt field fails to compile for the package's users too
  await salesloft.run('get_person', { persn_id: 3001 });
  await sandbox.close();
  return data.id;
}
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], typeRoots: [join(packageRoot, 'node_modules', '@types')] },
      files: ['consumer.ts'],
    }),
  );
  const tsc = join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await run(process.execPath, [tsc, '-p', join(project, 'tsconfig.json')], { cwd: project }).then(
    () => '',
    (error: { stdout: string }) => error.stdout,
  );
  expect(result).toBe('');
}, 60_000);

test('the installed bin runs an operation against the sandbox the installed package serves', async () => {
  const bin = join(project, 'node_modules', '.bin', 'salesloft-connector');
  sandbox = spawn(bin, ['sandbox', '--port', '0'], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    sandbox!.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (\S+)/.exec(seen);
      if (match) resolve(match[1]);
    });
    sandbox!.on('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening: ${seen}`)));
  });
  const { stdout } = await run(bin, ['run', 'get_person', '--input', '{"person_id": 3001}', '--base-url', url], {
    cwd: project,
    env: { ...process.env, SALESLOFT_ACCESS_TOKEN: 'sandbox-token' },
  });
  expect(JSON.parse(stdout)).toMatchObject({ data: { id: 3001 } });
  const described = await run(bin, ['describe', 'create_person'], { cwd: project });
  expect(described.stdout).toContain('Sample input:');
  expect(described.stdout).toContain('email_address');
}, 60_000);
