import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_audit_report',
  title: "Get audit report",
  description: "Gets an audit report by ID: its state and, once completed, a signed download URL that expires (ask again for a fresh one).",
  method: 'GET',
  path: '/v2/audit_reports/{audit_report_id}',
  forbiddenHint: "Audit reports are for SalesLoft admins (a role with the audit log permission): ask a SalesLoft admin to run them.",
});
