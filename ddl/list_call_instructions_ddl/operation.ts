import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_call_instructions_ddl',
  title: 'List call instructions (DDL)',
  description: 'Call instructions for a dropdown: the start of the instructions, valued by their id. Typed text is matched against these texts, within the first 500 records.',
  path: '/v2/action_details/call_instructions',
  paging: 'pages',
  search: 'text',
  choice: (instruction) => (instruction.id == null ? undefined : { text: String(instruction.instructions ?? `Call instruction #${instruction.id}`).replace(/\s+/g, ' ').slice(0, 60), value: instruction.id }),
});
