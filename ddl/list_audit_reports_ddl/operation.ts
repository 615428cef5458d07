import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_audit_reports_ddl',
  title: "List audit reports (DDL)",
  description: "Audit reports for a dropdown: the period and state, valued by the report's id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/audit_reports',
  paging: 'pages',
  search: 'text',
  choice: (report) => ({ text: `${report.start_date} to ${report.end_date} (${report.state})`, value: report.id }),
});
