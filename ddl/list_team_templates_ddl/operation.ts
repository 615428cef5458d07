import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_team_templates_ddl',
  title: 'List team templates (DDL)',
  description: 'Team templates for a dropdown: the template title, valued by its id.',
  path: '/v2/team_templates',
  paging: 'pages',
  search: 'api',
  choice: (template) => (template.id == null ? undefined : { text: String(template.title ?? `Team template ${template.id}`), value: template.id }),
});
