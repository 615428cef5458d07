import { defineDdl, minuteOf } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_emails_ddl',
  title: 'List emails (DDL)',
  description: 'Emails for a dropdown: the subject, else the recipient and when it was sent, valued by the email id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/activities/emails',
  paging: 'pages',
  search: 'text',
  // The subject needs the email_contents:read scope; without it, the recipient and time describe the email.
  choice: (email) => {
    if (email.id == null) return undefined;
    if (email.subject) return { text: email.subject, value: email.id };
    const parts = ['Email'];
    if (email.recipient_email_address) parts.push(`to ${email.recipient_email_address}`);
    if (email.sent_at) parts.push(`on ${minuteOf(email.sent_at)}`);
    if (parts.length === 1) parts.push(`#${email.id}`);
    return { text: parts.join(' '), value: email.id };
  },
});
