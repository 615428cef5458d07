// The sandbox under hostile traffic and at scale: body and nesting limits, the bounded request log, lost answers,
// clients answered while a hostile request is in flight, background bulk jobs, index-backed lists that give
// exactly what a naive filter-and-sort gives on a randomised collection, and the generated people seed.

import { request } from 'node:http';
import { listRecords, sortRows, type Ctx, type Resource } from '../sandbox/collection.js';
import { parseSandboxArgs } from '../sandbox/main.js';
import { seededRandom } from '../sandbox/seed-people.js';
import { parseParams } from '../sandbox/query.js';
import { bulkJobResults, people } from '../sandbox/resources.js';
import { parseTime, type SandboxRecord } from '../sandbox/store.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const auth = { authorization: 'Bearer test-token' };

async function call(sb: Sandbox, method: string, path: string, body?: unknown, type = 'application/json'): Promise<{ status: number; body: Json }> {
  const res = await fetch(sb.url + path, {
    method,
    headers: { ...auth, ...(body !== undefined ? { 'content-type': type } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

async function withSandbox(options: SandboxOptions, fn: (sb: Sandbox) => Promise<void>): Promise<void> {
  const sb = await startSandbox(options);
  try {
    await fn(sb);
  } finally {
    await sb.close();
  }
}

/** Sends `chunks` one by one, `gapMs` apart, as one request; resolves with the status and when it was answered. */
function slowRequest(sb: Sandbox, path: string, contentType: string, chunks: string[], gapMs: number): Promise<{ status: number | 'error'; body: string; at: number }> {
  return new Promise((resolve) => {
    const req = request(sb.url + path, { method: 'POST', headers: { ...auth, 'content-type': contentType, 'transfer-encoding': 'chunked' } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, at: Date.now() }));
    });
    req.on('error', (e) => resolve({ status: 'error', body: e.message, at: Date.now() }));
    let i = 0;
    const next = () => {
      if (i < chunks.length) req.write(chunks[i++]!, () => setTimeout(next, gapMs));
      else req.end();
    };
    next();
  });
}

describe('limits', () => {
  test('a body past maxBodyBytes is answered 413 with {error}, whether its length is declared or not, and nothing is written', async () => {
    await withSandbox({ maxBodyBytes: 10_000 }, async (sb) => {
      const notes = sb.store.count('notes');
      const declared = await call(sb, 'POST', '/v2/notes', { content: 'x'.repeat(20_000), associated_with_type: 'person', associated_with_id: 3001 });
      expect(declared.status).toBe(413);
      expect(declared.body.error).toMatch(/Request Entity Too Large.*10000 bytes.*maxBodyBytes/);
      const chunked = await slowRequest(sb, '/v2/notes', 'application/json', Array.from({ length: 6 }, () => 'x'.repeat(4_000)), 1);
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body).error).toContain('Request Entity Too Large');
      expect(sb.store.count('notes')).toBe(notes);
      expect(sb.requests.slice(-2).map((r) => r.body)).toEqual([undefined, undefined]); // refused bodies are never kept
      expect((await call(sb, 'POST', '/v2/notes', { content: 'small', associated_with_type: 'person', associated_with_id: 3001 })).status).toBe(200);
    });
  });

  test('the default limit is 1 MB', async () => {
    await withSandbox({}, async (sb) => {
      const under = await call(sb, 'POST', '/v2/person_stages', { name: 'x'.repeat(1_000_000) });
      expect(under.status).toBe(200);
      const over = await call(sb, 'POST', '/v2/person_stages', { name: 'y'.repeat(1_048_577) });
      expect(over.status).toBe(413);
    });
  });

  test('parameter names nested past maxDepth brackets are a 400, in the query, a form body or a JSON body', async () => {
    await withSandbox({}, async (sb) => {
      const key = (depth: number) => `a${'[b]'.repeat(depth)}`;
      expect((await call(sb, 'GET', `/v2/people?${key(32)}=1`)).status).toBe(200);
      const deepQuery = await call(sb, 'GET', `/v2/people?${key(33)}=1`);
      expect(deepQuery.status).toBe(400);
      expect(deepQuery.body.error).toMatch(/nested more than 32 brackets deep/);
      expect(deepQuery.body.error.length).toBeLessThan(200); // the key is quoted by its start only

      const form = await call(sb, 'POST', '/v2/person_stages', `name=Deep&${key(100_000)}=1`, 'application/x-www-form-urlencoded');
      expect(form.status).toBe(400);
      expect(form.body.error).toMatch(/nested more than 32 brackets deep/);
      const json = await call(sb, 'POST', '/v2/person_stages', `{"name":"Deep","x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
      expect(json.status).toBe(400);
      expect(json.body.error).toMatch(/JSON body is nested more than 32 levels/);
      expect(sb.store.find('person_stages', (s) => s.name === 'Deep')).toEqual([]);
    });
    await withSandbox({ maxDepth: 2 }, async (sb) => {
      expect((await call(sb, 'GET', '/v2/people?updated_at[gt]=2024-01-01')).status).toBe(200);
      expect((await call(sb, 'GET', '/v2/people?a[b][c]=1')).status).toBe(200);
      expect((await call(sb, 'GET', '/v2/people?a[b][c][d]=1')).status).toBe(400);
    });
  });

  test('a form body of more than 50,000 parameters is a 400', async () => {
    await withSandbox({}, async (sb) => {
      const res = await call(sb, 'POST', '/v2/person_stages', Array.from({ length: 50_001 }, (_, i) => `k${i}=1`).join('&'), 'application/x-www-form-urlencoded');
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('Bad Request: there are more than 50000 parameters; send fewer per request, or a JSON body');
    });
  });

  test('brackets inside a JSON string do not count as nesting', async () => {
    await withSandbox({}, async (sb) => {
      const res = await call(sb, 'POST', '/v2/person_stages', { name: `[[[{{{"\\${'['.repeat(100)}` });
      expect(res.status).toBe(200);
    });
  });

  test('the request log keeps the latest `size` requests and at most `bytes` of bodies', async () => {
    await withSandbox({ requestLog: { size: 5 } }, async (sb) => {
      for (let i = 0; i < 8; i++) await call(sb, 'GET', `/v2/people/${3001 + i}`);
      expect(sb.requests.map((r) => r.path)).toEqual([3004, 3005, 3006, 3007, 3008].map((id) => `/v2/people/${id}`));
    });
    await withSandbox({ requestLog: { bytes: 2_500 } }, async (sb) => {
      for (let i = 0; i < 6; i++) await call(sb, 'POST', '/v2/person_stages', { name: `Stage ${i} ${'x'.repeat(1_000)}` });
      expect(sb.requests.map((r) => (r.body as Json).name.slice(0, 7))).toEqual(['Stage 4', 'Stage 5']);
    });
  });
});

describe('hostile traffic', () => {
  test('another client is answered while hostile requests are in flight, and the sandbox stays up', async () => {
    await withSandbox({}, async (sb) => {
      const deepForm = slowRequest(sb, '/v2/notes', 'application/x-www-form-urlencoded', ['content=x&deep', ...Array.from({ length: 10 }, () => '[a]'.repeat(30_000)), '=1'], 20);
      const manyKeys = slowRequest(sb, '/v2/notes', 'application/x-www-form-urlencoded', Array.from({ length: 10 }, (_, c) => Array.from({ length: 8_000 }, (_, i) => `k${c}_${i}=v&`).join('')), 20);
      const huge = slowRequest(sb, '/v2/notes', 'application/json', Array.from({ length: 40 }, () => 'z'.repeat(64 * 1024)), 5);
      const deepJson = slowRequest(sb, '/v2/notes', 'application/json', Array.from({ length: 10 }, () => '['.repeat(50_000)), 20);
      const answered: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await call(sb, 'GET', '/v2/people/3001');
        expect(res.status).toBe(200);
        answered.push(Date.now());
      }
      const hostile = await Promise.all([deepForm, manyKeys, huge, deepJson]);
      // Too deep or too many parameters (80,000): 400; past 1 MB: 413.
      expect(hostile.map((h) => h.status)).toEqual([400, 400, 413, 400]);
      // The other client's first answer came while every hostile request was still being received.
      for (const h of hostile) expect(answered[0]).toBeLessThanOrEqual(h.at);
      expect((await call(sb, 'GET', '/v2/me')).status).toBe(200);
    });
  });

  test('a form body with many keys and long arrays is read as a whole', async () => {
    await withSandbox({}, async (sb) => {
      const tags = Array.from({ length: 20_000 }, (_, i) => `tags[]=t${i}`).join('&');
      const res = await call(sb, 'POST', '/v2/accounts', `name=Many&domain=many.example&${tags}`, 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      expect(res.body.data.tags).toHaveLength(20_000);
    });
  });
});

describe('lost answers', () => {
  test('lostAnswerRate: the write is applied, then the connection is reset; reads are answered', async () => {
    await withSandbox({ faults: { lostAnswerRate: 1 } }, async (sb) => {
      await expect(call(sb, 'POST', '/v2/person_stages', { name: 'Applied but unanswered' })).rejects.toThrow();
      expect(sb.store.find('person_stages', (s) => s.name === 'Applied but unanswered')).toHaveLength(1);
      await expect(call(sb, 'PUT', '/v2/people/3001', { title: 'Changed' })).rejects.toThrow();
      expect(sb.store.get('people', 3001)!.title).toBe('Changed');
      expect((await call(sb, 'GET', '/v2/people/3001')).body.data.title).toBe('Changed');
      // A refused write changes nothing and is answered.
      expect((await call(sb, 'POST', '/v2/person_stages', {})).status).toBe(422);
    });
  });

  test('the rate picks writes with the random source', async () => {
    const draws = [0.9, 0.1];
    await withSandbox({ faults: { lostAnswerRate: 0.5, random: () => draws.shift() ?? 0.9 } }, async (sb) => {
      expect((await call(sb, 'POST', '/v2/person_stages', { name: 'Answered' })).status).toBe(200);
      await expect(call(sb, 'POST', '/v2/person_stages', { name: 'Lost' })).rejects.toThrow();
      expect(sb.store.find('person_stages', (s) => s.name === 'Lost')).toHaveLength(1);
    });
  });
});

describe('bulk jobs in the background', () => {
  test('processed, errors and state advance while the client polls; results appear once done', async () => {
    // A slice every 150 ms: a poll (two requests) fits between slices even on a loaded machine.
    await withSandbox({ bulk: { chunkSize: 2, intervalMs: 150 } }, async (sb) => {
      const job = (await call(sb, 'POST', '/v2/bulk_jobs', { type: 'person/upsert' })).body.data;
      const data = Array.from({ length: 10 }, (_, i) => (i % 4 === 3 ? { upsert_key: 'email_address', first_name: 'No email' } : { upsert_key: 'email_address', email_address: `bg${i}@example.com` }));
      await call(sb, 'POST', `/v2/bulk_jobs/${job.id}/job_data`, { data });
      const ready = (await call(sb, 'PUT', `/v2/bulk_jobs/${job.id}`, { ready_to_execute: true })).body.data;
      expect(ready).toMatchObject({ state: 'executing', processed: 0, errors: 0, total: 10 });

      const seen: Array<{ state: string; processed: number; errors: number }> = [];
      for (;;) {
        const results = (await call(sb, 'GET', `/v2/bulk_jobs/${job.id}/results`)).body.data;
        const { state, processed, errors } = (await call(sb, 'GET', `/v2/bulk_jobs/${job.id}`)).body.data;
        if (results.length > 0) expect(state).toBe('done'); // results appear only once the job is done
        seen.push({ state, processed, errors });
        if (state === 'done') break;
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(seen.some((s) => s.state === 'executing' && s.processed > 0 && s.processed < 10)).toBe(true);
      const processed = seen.map((s) => s.processed);
      expect(processed).toEqual([...processed].sort((a, b) => a - b));
      expect(seen[seen.length - 1]).toEqual({ state: 'done', processed: 10, errors: 2 });

      const results = (await call(sb, 'GET', `/v2/bulk_jobs/${job.id}/results?per_page=100`)).body.data;
      expect(results.map((r: Json) => r.status)).toEqual(data.map((d) => (d.email_address ? 'success' : 'error')));
      expect(results[0].resource).toMatchObject({ upsert_type: 'create', person: { email_address: 'bg0@example.com' } });
      expect(sb.store.lookup('people', 'email_address', 'BG0@example.com', 'ci')).toHaveLength(1);
    });
  });
});

// ---- index-backed lists against a naive reference ----------------------------------------------------------

const ctxOf = (sb: Sandbox, query: string, params: Record<string, string> = {}): Ctx => {
  const q = parseParams(query);
  return { store: sb.store, baseUrl: sb.url, method: 'GET', query: q, body: {}, input: q, params };
};
const listIds = (sb: Sandbox, res: Resource, query: string, params?: Record<string, string>): number[] =>
  ((listRecords(res, ctxOf(sb, query, params)).body as { data: Array<{ id: number }> }).data).map((r) => r.id);

/** The naive reference: every record, filtered, sorted by (key, id) in the direction, then one window. */
function reference(records: SandboxRecord[], keep: (r: SandboxRecord) => boolean, key: (r: SandboxRecord) => number, dir: 'ASC' | 'DESC', start: number, count: number): number[] {
  const sign = dir === 'ASC' ? 1 : -1;
  return records
    .filter(keep)
    .sort((a, b) => sign * (key(a) - key(b) || a.id - b.id))
    .slice(start, start + count)
    .map((r) => r.id);
}

describe('lists at scale match a naive filter and sort', () => {
  let sb: Sandbox;
  const rand = seededRandom(20261124);
  // Few distinct timestamps, so that many records share one (ties are broken by id).
  const stamps = Array.from({ length: 40 }, (_, i) => `2024-0${1 + (i % 9)}-1${i % 10}T10:00:00.${String(100000 + i * 7).slice(0, 6)}Z`);
  const parsed = new Map<string, number>();
  const micros = (r: SandboxRecord) => {
    const text = String(r.updated_at);
    let t = parsed.get(text);
    if (t === undefined) parsed.set(text, (t = parseTime(text)));
    return t;
  };

  beforeAll(async () => {
    sb = await startSandbox({ people: 3_000 });
    for (const p of sb.store.list('people')) sb.store.assign('people', p.id, { updated_at: stamps[Math.floor(rand() * stamps.length)] });
  });
  afterAll(async () => {
    await sb.close();
  });

  /** Random writes after the indexes exist: updates (new updated_at), deletes and inserts. */
  function churn(): void {
    const all = sb.store.list('people');
    for (let i = 0; i < 200; i++) {
      const p = all[Math.floor(rand() * all.length)]!;
      if (!sb.store.get('people', p.id)) continue;
      const r = rand();
      if (r < 0.4) sb.store.update('people', p.id, { title: 'Churned' });
      else if (r < 0.7) sb.store.assign('people', p.id, { updated_at: stamps[Math.floor(rand() * stamps.length)], email_address: `moved${i}@example.com` });
      else if (r < 0.85) sb.store.remove('people', p.id);
      else sb.store.insert('people', { email_address: `new${i}-${p.id}@example.com`, updated_at: stamps[Math.floor(rand() * stamps.length)] });
    }
  }

  const check = () => {
    const all = sb.store.list('people');
    for (let trial = 0; trial < 12; trial++) {
      const cursor = stamps[Math.floor(rand() * stamps.length)]!;
      const c = parseTime(cursor);
      const perPage = 1 + Math.floor(rand() * 100);
      for (const [op, test] of [
        ['gt', (r: SandboxRecord) => micros(r) > c],
        ['gte', (r: SandboxRecord) => micros(r) >= c],
        ['lt', (r: SandboxRecord) => micros(r) < c],
      ] as const) {
        for (const dir of ['ASC', 'DESC'] as const) {
          const page = 1 + Math.floor(rand() * 3);
          const query = `per_page=${perPage}&page=${page}&sort_by=updated_at&sort_direction=${dir}&updated_at[${op}]=${encodeURIComponent(cursor)}`;
          expect(listIds(sb, people, query)).toEqual(reference(all, test, micros, dir, (page - 1) * perPage, perPage));
        }
      }
      // Page numbers in the default order (updated_at DESC), and by created_at ascending.
      const page = 1 + Math.floor(rand() * Math.ceil(all.length / perPage));
      expect(listIds(sb, people, `per_page=${perPage}&page=${page}`)).toEqual(reference(all, () => true, micros, 'DESC', (page - 1) * perPage, perPage));
      expect(listIds(sb, people, `per_page=${perPage}&page=${page}&sort_by=created_at&sort_direction=ASC`)).toEqual(
        reference(all, () => true, (r) => micros({ id: r.id, updated_at: r.created_at }), 'ASC', (page - 1) * perPage, perPage),
      );
      // ids and email_addresses (case-insensitive) with a range on top.
      const some = Array.from({ length: 30 }, () => all[Math.floor(rand() * all.length)]!);
      const idSet = new Set(some.map((p) => p.id));
      expect(listIds(sb, people, `per_page=100&${some.map((p) => `ids[]=${p.id}`).join('&')}&updated_at[gte]=${encodeURIComponent(cursor)}`)).toEqual(
        reference(all, (r) => idSet.has(r.id) && micros(r) >= c, micros, 'DESC', 0, 100),
      );
      const emails = new Set(some.filter((p) => p.email_address !== null).map((p) => String(p.email_address).toLowerCase()));
      expect(listIds(sb, people, `per_page=100&${some.map((p) => `email_addresses[]=${encodeURIComponent(String(p.email_address).toUpperCase())}`).join('&')}`)).toEqual(
        reference(all, (r) => r.email_address !== null && emails.has(String(r.email_address).toLowerCase()), micros, 'DESC', 0, 100),
      );
    }
  };

  test('updated_at cursors (gt, gte, lt) in both directions, page numbers, ids and email filters', () => {
    check();
  });

  test('the same after updates, reassigned timestamps, deletes and inserts', () => {
    churn();
    check();
    churn();
    check();
  });

  test('sorts by text and numbers (nulls first ascending) match the generic sort, also while kinds are mixed', () => {
    const scored: Resource = {
      collection: 'people',
      path: 'people',
      actions: ['list'],
      sort: { keys: { title: 'title', score: 'score', last_contacted_at: 'last_contacted_at' }, default: 'score', direction: 'ASC' },
    };
    const all = sb.store.list('people');
    const titles = ['VP of Sales', 'vp of sales', 'Buyer', 'CFO', null];
    for (const p of all) sb.store.assign('people', p.id, { title: titles[Math.floor(rand() * titles.length)], score: rand() < 0.1 ? null : Math.floor(rand() * 50) });
    for (const p of all.slice(0, 300)) sb.store.assign('people', p.id, { last_contacted_at: stamps[Math.floor(rand() * stamps.length)] });
    const compareAll = () => {
      const ctx = ctxOf(sb, '');
      for (const key of ['title', 'score', 'last_contacted_at']) {
        for (const dir of ['ASC', 'DESC'] as const) {
          const page = 1 + Math.floor(rand() * 20);
          const expected = sortRows(sb.store.list('people'), (r) => r[key], dir, ctx).slice((page - 1) * 50, page * 50).map((r) => r.id);
          expect(listIds(sb, scored, `per_page=50&page=${page}&sort_by=${key}&sort_direction=${dir}`)).toEqual(expected);
        }
      }
    };
    compareAll();
    expect(['title', 'score', 'last_contacted_at'].map((key) => sb.store.ordered('people', key).mode())).toEqual(['text', 'number', 'time']);
    sb.store.assign('people', all[5]!.id, { score: 'n/a' }); // text among numbers: no single order, the generic sort answers
    expect(sb.store.ordered('people', 'score').mode()).toBeUndefined();
    compareAll();
    sb.store.assign('people', all[5]!.id, { score: 7 });
    expect(sb.store.ordered('people', 'score').mode()).toBe('number');
    compareAll();
  });

  test('tag_id and cadence_id filters, answered from their indexes, match a scan of every person', () => {
    const all = sb.store.list('people');
    const tagNames = sb.store.list('tags').map((t) => String(t.name));
    for (const p of all) if (rand() < 0.3) sb.store.assign('people', p.id, { tags: tagNames.filter(() => rand() < 0.3) });
    for (const p of all.slice(0, 400)) {
      sb.store.insert('cadence_memberships', { person: { id: p.id }, cadence: { id: rand() < 0.5 ? 501 : 502 }, currently_on_cadence: rand() < 0.7 });
    }
    const ctx = ctxOf(sb, '');
    const scan = (keep: (r: SandboxRecord) => boolean) => sortRows(sb.store.list('people').filter(keep), (r) => r.updated_at, 'DESC', ctx).slice(0, 100).map((r) => r.id);
    const tagsOf = (r: SandboxRecord) => (Array.isArray(r.tags) ? r.tags : []) as string[];
    expect(listIds(sb, people, 'per_page=100&tag_id[]=92&tag_id[]=93')).toEqual(scan((r) => tagsOf(r).some((t) => t === 'enterprise' || t === 'hot-lead')));
    const onCadence = (cadence: number) => (r: SandboxRecord) =>
      sb.store.list('cadence_memberships').some((m) => (m.person as { id: number }).id === r.id && (m.cadence as { id: number }).id === cadence && m.currently_on_cadence === true);
    expect(listIds(sb, people, 'per_page=100&cadence_id=502')).toEqual(scan(onCadence(502)));
    expect(listIds(sb, people, 'per_page=100&cadence_id[]=501&tag_id=92')).toEqual(scan((r) => onCadence(501)(r) && tagsOf(r).includes('enterprise')));
    expect(listIds(sb, people, 'per_page=100&tag_id=999999')).toEqual([]);
  });

  test('a narrow range on another key than the sort, title, locales, last_contacted and owned_by_guid, answered from indexes, match a scan', () => {
    const all = sb.store.list('people');
    const owners = sb.store.list('users');
    for (const [index, p] of all.entries()) {
      sb.store.assign('people', p.id, {
        created_at: stamps[index % stamps.length],
        title: rand() < 0.05 ? 'Chief Revenue Officer' : 'Account Executive',
        locale: rand() < 0.1 ? 'US/Eastern' : null,
        last_contacted_at: rand() < 0.2 ? stamps[Math.floor(rand() * stamps.length)] : null,
        owner: { id: owners[index % owners.length]!.id },
      });
    }
    const ctx = ctxOf(sb, '');
    const created = (r: SandboxRecord) => micros({ id: r.id, updated_at: r.created_at });
    const scan = (keep: (r: SandboxRecord) => boolean) => sortRows(sb.store.list('people').filter(keep), (r) => r.updated_at, 'DESC', ctx).slice(0, 100).map((r) => r.id);
    const newest = stamps.map(parseTime).sort((a, b) => b - a);
    // A range holding a few records (the newest created_at) and one holding most of them.
    for (const bound of [newest[1]!, newest[30]!]) {
      const cursor = stamps.find((s) => parseTime(s) === bound)!;
      expect(listIds(sb, people, `per_page=100&created_at[gte]=${encodeURIComponent(cursor)}`)).toEqual(scan((r) => created(r) >= bound));
      expect(listIds(sb, people, `per_page=100&last_contacted[lt]=${encodeURIComponent(cursor)}`)).toEqual(
        scan((r) => r.last_contacted_at !== null && r.last_contacted_at !== undefined && parseTime(r.last_contacted_at) < bound),
      );
    }
    expect(listIds(sb, people, 'per_page=100&title=chief%20revenue%20officer')).toEqual(scan((r) => r.title === 'Chief Revenue Officer'));
    expect(listIds(sb, people, 'per_page=100&locales[]=US/Eastern')).toEqual(scan((r) => r.locale === 'US/Eastern'));
    const guid = String(owners[1]!.guid);
    expect(listIds(sb, people, `per_page=100&owned_by_guid[]=${guid}`)).toEqual(scan((r) => (r.owner as { id: number }).id === owners[1]!.id));
    expect(listIds(sb, people, 'per_page=100&owned_by_guid[]=no-such-guid')).toEqual([]);
  });

  test('paging counts and next_page follow the filtered total', () => {
    const all = sb.store.list('people');
    const cursor = stamps[7]!;
    const matching = all.filter((r) => micros(r) > parseTime(cursor)).length;
    const body = listRecords(people, ctxOf(sb, `per_page=50&include_paging_counts=true&updated_at[gt]=${encodeURIComponent(cursor)}`)).body as Json;
    expect(body.metadata.paging).toMatchObject({ total_count: matching, total_pages: Math.ceil(matching / 50), next_page: matching > 50 ? 2 : null });
    const filtered = listRecords(people, ctxOf(sb, `per_page=50&include_paging_counts=true&job_seniority=director`)).body as Json;
    expect(filtered.metadata.paging.total_count).toBe(all.filter((r) => r.job_seniority === 'director').length);
    // More than 1,000 candidates (four owners of the seed's eight active users): the page walks the order, the count tests the candidates.
    const owned = (r: SandboxRecord) => [1001, 1002, 1003, 1004].includes((r.owner as { id: number } | null)?.id ?? 0);
    expect(all.filter(owned).length).toBeGreaterThan(1000);
    const byOwner = listRecords(people, ctxOf(sb, `per_page=50&page=3&include_paging_counts=true&owner_id[]=1001&owner_id[]=1002&owner_id[]=1003&owner_id[]=1004`)).body as Json;
    expect(byOwner.metadata.paging).toMatchObject({ total_count: all.filter(owned).length, next_page: 4 });
    expect(byOwner.data.map((r: Json) => r.id)).toEqual(reference(all, owned, micros, 'DESC', 100, 50));
  });

  test('id[gt] cursor walk over bulk job results gives every result of the job once, in id order', () => {
    const job = sb.store.insert('bulk_jobs', { type: 'person/upsert', state: 'done' });
    const other = sb.store.insert('bulk_jobs', { type: 'person/upsert', state: 'done' });
    const mine: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const owner = rand() < 0.7 ? job : other;
      const r = sb.store.insert('bulk_job_results', { bulk_job: { id: owner.id }, status: rand() < 0.2 ? 'error' : 'success', record: {}, error: null, resource: null });
      if (owner === job) mine.push(r.id);
    }
    const ofJob: Resource = { ...bulkJobResults, visible: (r) => (r.bulk_job as { id: number }).id === job.id };
    const walked: number[] = [];
    let cursor = 0;
    for (;;) {
      const ids = listIds(sb, ofJob, `per_page=97&id[gt]=${cursor}`, { bulk_jobs_id: String(job.id) });
      if (ids.length === 0) break;
      walked.push(...ids);
      cursor = ids[ids.length - 1]!;
    }
    expect(walked).toEqual(mine);
    const errors = listIds(sb, ofJob, `per_page=100&status[]=error&id[gt]=${mine[10]}`);
    expect(errors).toEqual(mine.filter((id) => id > mine[10]! && sb.store.get('bulk_job_results', id)!.status === 'error').slice(0, 100));
  });
});

describe('generated people', () => {
  test('startSandbox({ people }) adds believable, unique people after the seed, with tied import timestamps', async () => {
    await withSandbox({ people: 100_000 }, async (sb) => {
      // The seed holds 15 people (3001-3012 and the three the operation samples name).
      expect(sb.store.count('people')).toBe(100_015);
      const first = sb.store.list('people')[15]!;
      expect(first).toMatchObject({ first_name: expect.any(String), last_name: expect.any(String), email_address: expect.stringMatching(/@/) });
      const lastPage = (await call(sb, 'GET', '/v2/people?per_page=100&page=1001&include_paging_counts=true')).body;
      expect(lastPage.metadata.paging).toMatchObject({ total_count: 100_015, total_pages: 1001, next_page: null });
      expect(lastPage.data).toHaveLength(15);
      const newest = (await call(sb, 'GET', '/v2/people?per_page=100&sort_by=updated_at&sort_direction=DESC')).body.data;
      expect(newest.filter((p: Json) => p.updated_at === newest[newest.length - 1].updated_at).length).toBeGreaterThan(1);
      const sample = sb.store.list('people').slice(-500);
      expect(new Set(sample.map((p) => p.email_address)).size).toBe(500);
      const byEmail = await call(sb, 'GET', `/v2/people?email_addresses[]=${encodeURIComponent(String(sample[0]!.email_address))}`);
      expect(byEmail.body.data.map((p: Json) => p.id)).toEqual([sample[0]!.id]);
    });
  });

  test('the CLI takes --people N and refuses anything else', () => {
    expect(parseSandboxArgs(['--people', '100000']).people).toBe(100_000);
    expect(parseSandboxArgs(['--people=25']).people).toBe(25);
    expect(() => parseSandboxArgs(['--people', 'many'])).toThrow('--people must be an integer between 0 and 10000000, got many');
  });
});
