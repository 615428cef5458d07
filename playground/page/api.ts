// The page's calls to its server.

import type { ManifestReply, RunReply, RunRequest } from '../protocol.js';

const asJson = async <T,>(response: Response): Promise<T> => {
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `The playground server answered ${response.status}.`);
  return body;
};

export const fetchManifest = async (): Promise<ManifestReply> => asJson<ManifestReply>(await fetch('/api/manifest'));

const post = async (path: string, request: RunRequest): Promise<RunReply> =>
  asJson<RunReply>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) }));

export const runOperation = (request: RunRequest): Promise<RunReply> => post('/api/run', request);
export const runDdl = (request: RunRequest): Promise<RunReply> => post('/api/ddl', request);
