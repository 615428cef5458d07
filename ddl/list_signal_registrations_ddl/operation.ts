import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_signal_registrations_ddl',
  title: "List signal registrations (DDL)",
  description: "Signal registrations for a dropdown: the signal type, valued by the registration's id. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/integrations/signals/registrations',
  paging: 'pages',
  search: 'text',
  choice: (registration) => ({ text: String(registration.type), value: registration.id }),
});
