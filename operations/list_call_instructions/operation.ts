import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_call_instructions',
  title: 'List call instructions',
  description:
    'Lists call instructions: what to say or do on the phone steps of cadences, paged and sorted as asked.',
  method: 'GET',
  path: '/v2/action_details/call_instructions',
  rename: { call_instruction_ids: 'ids' },
});
