import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const findPackageRoot = (from: string): string => {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`salesloft-connector: no package.json above ${from}`);
    dir = parent;
  }
  return dir;
};

/** The package's own folder, whether the code runs from its TypeScript sources or from dist/. */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** Where an operation's schemas live (they are data files, never compiled). */
export const operationFolder = (kind: 'main' | 'ddl' | 'trigger', name: string): string => join(packageRoot, folderOfKind[kind], name);

/** The folder each kind of operation lives in, one subfolder per operation. */
export const folderOfKind = { main: 'operations', ddl: 'ddl', trigger: 'triggers' } as const;

/** Where `npm run build` bundles the playground page, and where the playground server serves it from. */
export const playgroundPageFolder = join(packageRoot, 'dist', 'playground', 'page');
