import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_custom_fields',
  title: 'List custom fields',
  description:
    "Lists the team's custom fields, optionally only those of people, companies or opportunities, or of one value type (text, date, date and time, picklist, user reference), paged and sorted as asked.",
  method: 'GET',
  path: '/v2/custom_fields',
  rename: { custom_field_ids: 'ids' },
});
