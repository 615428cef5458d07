import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_account',
  title: 'Create account',
  description: 'Creates an account (a company) from its name and a website domain unique on the team.',
  method: 'POST',
  path: '/v2/accounts',
  // Seed 002 names the account `full_name`; SalesLoft only knows `name`.
  check: ({ fields }) => {
    if (fields.name !== undefined && fields.full_name !== undefined) {
      return [{ path: 'fields.full_name', message: 'is the same as fields.name: give one of them, not both' }];
    }
    if (fields.name === undefined && fields.full_name === undefined) {
      return [{ path: 'fields.name', message: "is required (the account's name; fields.full_name is accepted instead)" }];
    }
    return [];
  },
  request: ({ fields }) => {
    const { full_name: fullName, ...body } = fields;
    return { body: fullName === undefined ? body : { ...body, name: fullName } };
  },
});
