// Seed records of the newest resources (resources-newest.ts), appended to the default seed in seed.ts.
// Ids are documented in sandbox/README.md.

import type { SandboxSeed } from './store.js';

const t = (s: string) => `${s.replace(' ', 'T')}-05:00`;
const ref = (id: number | null) => (id === null ? null : { id });

const stage = (id: number, name: string, order: number) => ({ id, name, order, created_at: t('2024-01-08 09:00:00.000000'), updated_at: t('2024-01-08 09:00:00.000000') });

const opportunity = (id: number, name: string, account: number, owner: number, stageId: number, stageName: string, amount: number, closeDate: string, closed: boolean, won: boolean, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  crm_id: `0065e00000Op${id}AAA`,
  account: ref(account),
  owner: ref(owner),
  opportunity_stage: ref(stageId),
  stage_name: stageName,
  amount,
  close_date: closeDate,
  created_date: t('2024-02-12 11:20:00.000000'),
  opportunity_type: 'New Business',
  probability: won ? 100 : closed ? 0 : 40,
  is_closed: closed,
  is_won: won,
  most_recent_cadence: ref(501),
  custom_fields: {},
  created_at: t('2024-02-12 11:20:00.000000'),
  updated_at: t('2024-03-04 15:45:00.000000'),
  ...extra,
});

export const newestApiRecords: Partial<SandboxSeed> = {
  opportunity_stages: [stage(161, 'Discovery', 1), stage(162, 'Evaluation', 2), stage(163, 'Proposal', 3), stage(164, 'Closed Won', 5), stage(165, 'Closed Lost', 6)],
  opportunities: [
    opportunity(1701, 'Northwind - Analytics Platform', 2001, 1001, 162, 'Evaluation', 48000, '2024-06-28', false, false),
    opportunity(1702, 'Globex - Data Warehouse Expansion', 2002, 1002, 163, 'Proposal', 125000, '2024-05-31', false, false),
    opportunity(1703, 'Initech - Reporting Seats', 2003, 1003, 164, 'Closed Won', 18500, '2024-02-29', true, true, { opportunity_type: 'Renewal' }),
    opportunity(1704, 'Umbrella Health - Pilot', 2004, 1004, 161, 'Discovery', 9000, '2024-08-15', false, false, { most_recent_cadence: null }),
  ],
  opportunity_people: [
    { id: 1801, opportunity: ref(1701), person: ref(3001), created_at: t('2024-02-12 11:25:00.000000'), updated_at: t('2024-02-12 11:25:00.000000') },
    { id: 1802, opportunity: ref(1701), person: ref(3002), created_at: t('2024-02-12 11:26:00.000000'), updated_at: t('2024-02-12 11:26:00.000000') },
    { id: 1803, opportunity: ref(1702), person: ref(3004), created_at: t('2024-02-20 14:02:00.000000'), updated_at: t('2024-02-20 14:02:00.000000') },
    { id: 1804, opportunity: ref(1703), person: ref(3006), created_at: t('2024-01-15 10:10:00.000000'), updated_at: t('2024-01-15 10:10:00.000000') },
  ],
};
