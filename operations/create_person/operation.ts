import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_person',
  title: 'Create person',
  description: 'Creates a person from an email address, or a phone and a last name, which tell people on the team apart.',
  method: 'POST',
  path: '/v2/people',
});
