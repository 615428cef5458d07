import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_caller_ids',
  title: 'List caller IDs',
  description:
    'Identifies a phone number (E.164, e.g. +14155552671): the people it belongs to, with their title and account. Several when the number is on more than one person; the list is not paged.',
  method: 'GET',
  path: '/v2/phone_numbers/caller_ids',
});
