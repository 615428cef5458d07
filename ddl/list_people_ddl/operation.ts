import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_people_ddl',
  title: 'List people (DDL)',
  description: 'People for a dropdown: the display name (else the email address or first and last name) with the email address, valued by the person id.',
  path: '/v2/people',
  paging: 'pages',
  // SalesLoft has no name search on people for OAuth apps (_query is internal): the search filters the texts.
  search: 'text',
  choice: (person) => {
    const text = person.display_name || person.email_address || [person.first_name, person.last_name].filter(Boolean).join(' ');
    const email = person.email_address;
    return { text: email && email !== text ? `${text} (${email})` : text, value: person.id };
  },
});
