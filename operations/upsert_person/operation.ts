import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'upsert_person',
  title: 'Upsert person',
  description:
    'Updates the person that the upsert key (id, crm_id or email_address) finds, or creates one when none matches. Fails when several people match.',
  method: 'POST',
  path: '/v2/person_upserts',
  // Sending the same upsert twice leaves the same person: safe to retry.
  idempotent: true,
});
