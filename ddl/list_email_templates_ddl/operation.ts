import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_email_templates_ddl',
  title: 'List email templates (DDL)',
  description: 'Email templates for a dropdown: the template title, valued by its id.',
  path: '/v2/email_templates',
  paging: 'pages',
  search: 'api',
  choice: (template) => (template.id == null ? undefined : { text: String(template.title ?? `Template #${template.id}`), value: template.id }),
});
