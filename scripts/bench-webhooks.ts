// Webhook figures for `npm run bench`: parseWebhook's cost beside JSON.parse of the same body (the
// baseline: what a receiver pays anyway), and the time from a create_person run to its verified delivery
// on a loopback receiver, through the sandbox's webhooks.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createConnector } from '../connector/index.js';
import { parseWebhook, signWebhookBody, webhookHandler } from '../connector/webhooks.js';
import { startSandbox } from '../sandbox/server.js';
import { median } from './bench-stats.js';

const perSecond = (times: number, task: () => unknown): number => {
  const started = performance.now();
  for (let i = 0; i < times; i++) task();
  return (times / (performance.now() - started)) * 1000;
};

export const benchWebhooks = async (): Promise<void> => {
  const sandbox = await startSandbox({ rateLimit: { budget: 1_000_000 } });
  const person = (await fetch(`${sandbox.url}/v2/people/3001`, { headers: { authorization: 'Bearer bench' } }).then((r) => r.json())) as { data: unknown };
  const body = Buffer.from(JSON.stringify(person.data));
  const headers = { 'x-salesloft-event': 'person_created', 'x-salesloft-signature': signWebhookBody(body, 'bench-token') };
  const baseline = perSecond(50_000, () => JSON.parse(body.toString('utf8')));
  const verified = perSecond(50_000, () => parseWebhook(body, headers, 'bench-token'));
  console.log(`parseWebhook (${body.length}-byte person): ${verified.toFixed(0)}/s; JSON.parse alone ${baseline.toFixed(0)}/s; ratio ${(baseline / verified).toFixed(2)}x the parse`);

  let arrived: (() => void) | undefined;
  const receiver = createServer(webhookHandler({ callbackToken: 'bench-token', onEvent: () => arrived?.() }));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const connector = createConnector({ baseUrl: sandbox.url, accessToken: 'bench', env: {} });
  await connector.run('create_webhook_subscription', { fields: { callback_url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, callback_token: 'bench-token', event_type: 'person_created' } });
  const latencies: number[] = [];
  const runOnly: number[] = [];
  for (let i = 0; i < 200; i++) {
    const delivered = new Promise<void>((resolve) => (arrived = resolve));
    const t0 = performance.now();
    await connector.run('create_person', { fields: { email_address: `hook${i}@example.com` } });
    runOnly.push(performance.now() - t0);
    await delivered;
    latencies.push(performance.now() - t0);
  }
  console.log(`create_person -> verified person_created on a loopback receiver: p50 ${median(latencies).toFixed(2)} ms (the run alone p50 ${median(runOnly).toFixed(2)} ms), max ${Math.max(...latencies).toFixed(2)} ms over 200`);
  receiver.closeAllConnections();
  receiver.close();
  await sandbox.close();
};
