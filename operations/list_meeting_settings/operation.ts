import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_meeting_settings',
  title: 'List meeting settings',
  description:
    "Lists users' meeting settings (booking page, calendar, availability), filtered by user, calendar type or last update. SalesLoft takes this search as a POST whose body holds the filters.",
  method: 'POST',
  path: '/v2/meetings/settings/searches',
  idempotent: true,
  // A search sent as a POST: the filters are the body.
  request: ({ access_token: _token, ...filters }) => ({ body: filters }),
});
