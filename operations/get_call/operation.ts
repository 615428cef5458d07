import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_call',
  title: 'Get call',
  description: 'Get a call by ID: number called, duration, disposition, sentiment, recordings, and the person, user, cadence step and CRM activity it belongs to.',
  method: 'GET',
  path: '/v2/activities/calls/{call_id}',
});
