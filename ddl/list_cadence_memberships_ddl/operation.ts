import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_cadence_memberships_ddl',
  title: 'List cadence memberships (DDL)',
  description: 'Cadence memberships for a dropdown, e.g. "Cadence 5 – Person 9 (active)", valued by the membership id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/cadence_memberships',
  paging: 'pages',
  search: 'text',
  // Memberships have no name: the cadence, the person and the state describe them.
  choice: (membership) => {
    if (membership.id == null) return undefined;
    const who = [
      membership.cadence?.id != null ? `Cadence ${membership.cadence.id}` : undefined,
      membership.person?.id != null ? `Person ${membership.person.id}` : undefined,
    ].filter((part) => part !== undefined);
    const text = who.length > 0 ? who.join(' – ') : `Cadence membership #${membership.id}`;
    return { text: membership.current_state ? `${text} (${membership.current_state})` : text, value: membership.id };
  },
});
