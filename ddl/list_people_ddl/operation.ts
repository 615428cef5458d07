import { defineDdl } from '../../connector/operation.js';
import { emailAddressFilter } from '../../connector/search-filters.js';

export default defineDdl({
  name: 'list_people_ddl',
  title: 'List people (DDL)',
  description: 'People for a dropdown: the display name (else the email address or first and last name) with the email address, valued by the person id. A full email address typed in is looked up by SalesLoft among all people; other text is matched against names and email addresses among the first 500 people SalesLoft lists.',
  path: '/v2/people',
  paging: 'pages',
  // SalesLoft has no name search on people for OAuth apps (_query is internal): names are matched in the
  // texts; a whole email address goes to the email_addresses filter.
  search: 'text',
  searchFilter: emailAddressFilter,
  choice: (person) => {
    const text = person.display_name || person.email_address || [person.first_name, person.last_name].filter(Boolean).join(' ');
    const email = person.email_address;
    return { text: email && email !== text ? `${text} (${email})` : text, value: person.id };
  },
});
