import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'list_audit_reports',
  title: "List audit reports",
  description: "Lists the team's audit reports with their state, paged and sorted as asked. Path and shape rest on SalesLoft's docs index (page title) only; not confirmed on the reference pages.",
  method: 'GET',
  path: '/v2/audit_reports',
  forbiddenHint: "Audit reports are for SalesLoft admins (a role with the audit log permission): ask a SalesLoft admin to run them.",
});
