import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_cadences',
  title: 'List cadences',
  description: 'Lists cadences, filtered, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/cadences',
  // group_ids is one parameter holding a JSON array string (group_ids=[12,34]), not group_ids[]=12.
  request: ({ cadence_ids: ids, owned_by_guid_filter: ownedByGuid, group_ids: groupIds, ...filters }) => ({
    query: {
      ...filters,
      ids,
      owned_by_guid: ownedByGuid,
      group_ids: groupIds === undefined ? undefined : JSON.stringify(groupIds.map(Number)),
    },
  }),
});
