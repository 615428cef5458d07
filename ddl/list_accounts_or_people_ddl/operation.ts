import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_accounts_or_people_ddl',
  title: 'List accounts or people (DDL)',
  description: 'The kinds of record a note can be attached to: a person or an account.',
  paging: 'static',
  search: 'text',
  staticChoices: () => [
    { text: 'Person', value: 'person' },
    { text: 'Account', value: 'account' },
  ],
});
