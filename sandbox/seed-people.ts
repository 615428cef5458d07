// Generated people for a sandbox at scale (`sandbox --people 100000`, `startSandbox({ people })`): believable,
// deterministic records spread over the seed's accounts, owners and stages. They arrive in import batches of ten
// sharing one timestamp, as real imports do, so updated_at cursors meet ties.

import { formatMicros, parseTime, type SandboxStore } from './store.js';

const FIRST = ['Ava', 'Liam', 'Noah', 'Emma', 'Mia', 'Lucas', 'Zoe', 'Omar', 'Grace', 'Mateo', 'Chloe', 'Ravi', 'Hana', 'Leo', 'Nina', 'Kofi'];
const LAST = ['Nguyen', 'Smith', 'Garcia', 'Johnson', 'Kowalski', 'Okafor', 'Silva', 'Ivanova', 'Tanaka', 'Murphy', 'Haddad', 'Larsen', 'Mehta', 'Cohen'];
const TITLES = ['VP of Sales', 'Sales Manager', 'Director of Operations', 'Head of Procurement', 'CFO', 'IT Manager', 'Account Director', 'Buyer'];
const SENIORITY = ['vice_president', 'manager', 'director', 'director', 'executive', 'manager', 'director', 'individual_contributor'];
const BATCH = 10;

/** A small deterministic random generator (mulberry32): numbers in [0, 1) from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds `count` generated people after the store's own, with ids following the highest one. */
export function addPeople(store: SandboxStore, count: number): void {
  const rand = seededRandom(count); // every run of a size holds the same people
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const accounts = store.list('accounts').filter((a) => !a.archived_at);
  const owners = store.list('users').filter((u) => u.active !== false).map((u) => u.id);
  const stages = store.list('person_stages').map((s) => s.id);
  // Spread over the two years before the seed's latest change, oldest first.
  const end = store.list('people').reduce((latest, p) => Math.max(latest, parseTime(p.updated_at) || 0), parseTime('2024-03-05T00:00:00Z'));
  const step = Math.max(1, Math.floor((2 * 365 * 86_400_000_000) / Math.max(1, Math.ceil(count / BATCH))));
  let micros = end - step * Math.ceil(count / BATCH);
  let stamp = '';
  for (let i = 0; i < count; i++) {
    if (i % BATCH === 0) {
      micros += step - Math.floor(rand() * (step / 2));
      stamp = formatMicros(micros);
    }
    const first = pick(FIRST);
    const last = pick(LAST);
    const account = accounts.length > 0 && rand() < 0.9 ? pick(accounts) : undefined;
    const domain = account ? String(account.domain ?? 'example.com') : 'example.com';
    const email = `${first.toLowerCase()}.${last.toLowerCase()}.${i + 1}@${domain}`;
    const title = Math.floor(rand() * TITLES.length);
    store.insert('people', {
      first_name: first,
      last_name: last,
      display_name: `${first} ${last}`,
      email_address: email,
      full_email_address: `"${first} ${last}" <${email}>`,
      title: TITLES[title],
      job_seniority: SENIORITY[title],
      account: account ? { id: account.id } : null,
      owner: owners.length > 0 ? { id: pick(owners) } : null,
      person_stage: stages.length > 0 && rand() < 0.8 ? { id: pick(stages) } : null,
      created_at: stamp,
      updated_at: stamp,
    });
  }
}
