import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_play_registrations_ddl',
  title: "List play registrations (DDL)",
  description: "Play registrations for a dropdown: the play's name, valued by its id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/integrations/signals/registrations/plays',
  paging: 'pages',
  search: 'text',
  choice: (play) => ({ text: String(play.name), value: play.id }),
});
