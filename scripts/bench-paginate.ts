// Walking a large list with connector.paginate against the sandbox: the keyset walk against the page-number
// walk a user would write, measured in the same run: requests, rate-limit points (from SalesLoft's cost
// header), wall time and the growth of the process's memory. Prints figures; asserts nothing.
// Size: BENCH_PAGINATE_PEOPLE (default 100,000).

import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createConnector } from '../connector/index.js';
import type { WalkStats } from '../connector/paginate.js';

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

interface WalkFigures {
  stats: WalkStats;
  seconds: number;
  distinct: number;
  repeated: number;
  heapPeakGrowth: number;
  /** The most the walk held at once: the heap after a collection, every 25 pages. */
  livePeakGrowth: number;
  heapRetained: number;
}

export const benchPaginate = async (people = Number(process.env.BENCH_PAGINATE_PEOPLE ?? 100_000)): Promise<void> => {
  const started = performance.now();
  const worker = new Worker(new URL(`./bench-sandbox-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url), { workerData: { people } });
  const [{ url, total, maxId }] = (await once(worker, 'message')) as [{ url: string; total: number; maxId: number }];
  console.log(`paginate: sandbox (worker thread) seeded with ${total} people in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const connector = createConnector({ baseUrl: url, accessToken: 'benchmark-token', env: {}, paceBelowRemaining: 0 });

  const walk = async (input: Record<string, unknown>): Promise<WalkFigures> => {
    // One bit of memory per possible id, outside the walk, to count each person exactly once.
    const seen = new Uint8Array(maxId + 1);
    let repeated = 0;
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    let livePeak = heapBefore;
    let pages = 0;
    const t0 = performance.now();
    const paginator = connector.paginate('list_people', input, {
      allowDeepPages: true,
      warn: () => undefined,
      onPage: () => {
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        pages += 1;
        if (pages % 25 === 0 && (globalThis as { gc?: unknown }).gc) {
          collectGarbage();
          livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
        }
      },
    });
    for await (const person of paginator) {
      const id = person.id as number;
      if (seen[id]) repeated += 1;
      seen[id] = 1;
    }
    const seconds = (performance.now() - t0) / 1000;
    const heapPeakGrowth = heapPeak - heapBefore;
    const livePeakGrowth = livePeak - heapBefore;
    // What the walk still holds at its end (its ids), garbage collected when the run allows it (--expose-gc).
    collectGarbage();
    const heapRetained = process.memoryUsage().heapUsed - heapBefore;
    return { stats: paginator.stats, seconds, distinct: seen.reduce((sum, bit) => sum + bit, 0), repeated, heapPeakGrowth, livePeakGrowth, heapRetained };
  };

  const print = (label: string, { stats, seconds, distinct, repeated, heapPeakGrowth, livePeakGrowth, heapRetained }: WalkFigures): void =>
    console.log(
      `paginate ${label.padEnd(22)} ${distinct} people once (${repeated} repeats), ${stats.requests} requests, ${stats.rateLimitCost} rate-limit points (${(stats.rateLimitCost / 600).toFixed(1)} min of a 600/min budget), ${seconds.toFixed(1)} s, heap growth: peak ${megabytes(heapPeakGrowth)} (garbage included), live peak ${megabytes(livePeakGrowth)} (collected every 25 pages), ${megabytes(heapRetained)} after the walk${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: not collected)'}`,
    );

  const keyset = await walk({});
  print('keyset (updated_at)', keyset);
  // The loop a user writes without paginate: page numbers in SalesLoft's default order.
  const pages = await walk({ sort_by: 'updated_at', sort_direction: 'DESC' });
  print('page numbers', pages);
  console.log(
    `paginate keyset / page numbers: ${(keyset.stats.rateLimitCost / pages.stats.rateLimitCost).toFixed(3)} of the rate-limit points, ${(keyset.seconds / pages.seconds).toFixed(2)} of the time`,
  );
  worker.postMessage('close');
  await once(worker, 'exit');
};
