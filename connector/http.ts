// The got instance every request goes through. Retries are p-retry's job (connector/retry.ts),
// so got's own retry is off; redirects are never followed, so a token cannot follow one elsewhere.

import got, { type Got } from 'got';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

const { version } = createRequire(import.meta.url)(join(packageRoot, 'package.json')) as { version: string };

export const userAgent = `salesloft-connector/${version}`;

export const createHttp = (timeoutMs: number): Got =>
  got.extend({
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
    timeout: { request: timeoutMs },
    headers: { 'user-agent': userAgent, accept: 'application/json' },
  });
