import { defineDdl, minuteOf } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_conversations_ddl',
  title: "List conversations (DDL)",
  description: "Conversations for a dropdown: the title with when it was recorded, valued by its UUID. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/conversations',
  paging: 'pages',
  search: 'text',
  choice: (conversation) => ({ text: `${conversation.title ?? 'Untitled conversation'} (${minuteOf(conversation.created_at)})`, value: conversation.id }),
});
