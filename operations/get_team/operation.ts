import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_team',
  title: 'Get team',
  description:
    'Gets the team (the SalesLoft organisation) of the access token: name, plan, license and feature settings.',
  method: 'GET',
  path: '/v2/team',
});
