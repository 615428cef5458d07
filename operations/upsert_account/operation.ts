import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'upsert_account',
  title: 'Upsert account',
  description:
    'Creates or updates an account in one request: SalesLoft finds the account by the upsert key (id, crm_id or domain) and updates it, or creates it when none matches (then name and domain are needed). Safe to repeat.',
  method: 'POST',
  path: '/v2/account_upserts',
  idempotent: true,
});
