import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_audit_report',
  title: "Create audit report",
  description: "Asks for an audit report of the changes made between two dates. SalesLoft answers at once with the report in state pending and prepares it in the background: follow it with get_audit_report until its state is completed, then download download_url before it expires. Path and shape rest on SalesLoft's docs index (page title) only; not confirmed on the reference pages.",
  method: 'POST',
  path: '/v2/audit_reports',
  forbiddenHint: "Audit reports are for SalesLoft admins (a role with the audit log permission): ask a SalesLoft admin to run them.",
});
