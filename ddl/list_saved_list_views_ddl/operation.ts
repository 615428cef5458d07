import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_saved_list_views_ddl',
  title: 'List saved list views (DDL)',
  description: 'Saved list views for a dropdown: the view name and type, valued by its id. Typed text is matched against these texts, within the first 500 records.',
  path: '/v2/saved_list_views',
  paging: 'pages',
  search: 'text',
  choice: (view) => (view.id == null ? undefined : { text: `${String(view.name ?? `View #${view.id}`)} (${String(view.view ?? 'people')})`, value: view.id }),
});
