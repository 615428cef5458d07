import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_call_instruction',
  title: 'Get call instruction',
  description:
    'Gets a call instruction: what to say or do on a phone step.',
  method: 'GET',
  path: '/v2/action_details/call_instructions/{call_instruction_id}',
});
