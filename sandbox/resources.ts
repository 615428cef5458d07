// Every resource served by the generic collection mechanism (collection.ts); see resources-crm.ts and
// resources-team.ts for their configurations.

import type { Resource } from './collection.js';
import { accounts, imports, notes, people, tasks } from './resources-crm.js';
import { CURRENT_RESOURCES } from './resources-current.js';
import { NEWEST_RESOURCES } from './resources-newest.js';
import {
  accountStages,
  accountTiers,
  actions,
  cadenceMemberships,
  cadences,
  callDataRecords,
  callDispositions,
  callSentiments,
  calls,
  crmActivities,
  crmActivityFields,
  customFields,
  emails,
  groups,
  personStages,
  steps,
  tags,
  users,
} from './resources-team.js';
import { webhookSubscriptions } from './resources-webhooks.js';

export * from './resources-crm.js';
export * from './resources-team.js';
export { activeCadenceIds, personCounts } from './resource-kit.js';

/** Every resource served by the generic mechanism. */
export const RESOURCES: Resource[] = [
  people,
  accounts,
  personStages,
  accountStages,
  accountTiers,
  users,
  groups,
  tags,
  customFields,
  callDispositions,
  callSentiments,
  crmActivityFields,
  cadences,
  steps,
  cadenceMemberships,
  actions,
  calls,
  callDataRecords,
  emails,
  crmActivities,
  notes,
  imports,
  tasks,
  ...CURRENT_RESOURCES,
  webhookSubscriptions,
  ...NEWEST_RESOURCES,
];
