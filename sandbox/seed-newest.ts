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

const synced = { created_at: t('2024-01-05 08:00:00.000000'), updated_at: t('2024-01-05 08:00:00.000000') };

export const newestApiRecords: Partial<SandboxSeed> = {
  custom_roles: [
    { id: 1901, name: 'Sales Manager', user_count: 1, ...synced },
    { id: 1902, name: 'Team Lead (no billing)', user_count: 0, ...synced },
  ],
  account_types: [
    { id: 1911, name: 'Customer', ...synced },
    { id: 1912, name: 'Prospect', ...synced },
    { id: 1913, name: 'Partner', ...synced },
  ],
  account_team_member_roles: [
    { id: 1921, name: 'Account Executive', crm_id: 'Account Executive', ...synced },
    { id: 1922, name: 'Sales Development Rep', crm_id: 'Sales Development Rep', ...synced },
    { id: 1923, name: 'Customer Success Manager', crm_id: 'Customer Success Manager', ...synced },
  ],
  crm_account_team_members: [
    { id: 1931, account: ref(2001), user: ref(1002), crm_id: '01M5e00000Tm1931AAA', crm_user_id: '0055e00000Us1002AAA', team_member_role: 'Account Executive', ...synced },
    { id: 1932, account: ref(2001), user: ref(1003), crm_id: '01M5e00000Tm1932AAA', crm_user_id: '0055e00000Us1003AAA', team_member_role: 'Sales Development Rep', ...synced },
    { id: 1933, account: ref(2004), user: ref(1004), crm_id: '01M5e00000Tm1933AAA', crm_user_id: '0055e00000Us1004AAA', team_member_role: 'Customer Success Manager', ...synced },
  ],
  crm_team_members_with_roles: [
    { id: 1941, user: ref(1002), crm_user_id: '0055e00000Us1002AAA', roles: ['Account Executive'], ...synced },
    { id: 1942, user: ref(1003), crm_user_id: '0055e00000Us1003AAA', roles: ['Sales Development Rep'], ...synced },
    { id: 1943, user: ref(1004), crm_user_id: '0055e00000Us1004AAA', roles: ['Customer Success Manager'], ...synced },
  ],
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
