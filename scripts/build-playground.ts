// Bundles the playground page (React, @rjsf) into dist/playground/page: app.js and app.css, nothing
// fetched at run time. Part of `npm run build`.

import { build } from 'esbuild';
import { join } from 'node:path';
import { packageRoot, playgroundPageFolder } from '../connector/paths.js';

await build({
  entryPoints: { app: join(packageRoot, 'playground', 'page', 'main.tsx') },
  outdir: playgroundPageFolder,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
