import { defineDdl } from '../../connector/operation.js';

const maxLength = 50;

export default defineDdl({
  name: 'list_notes_ddl',
  title: 'List notes (DDL)',
  description: 'Notes for a dropdown: the start of the note content, valued by the note id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/notes',
  paging: 'pages',
  search: 'text',
  choice: (note) => {
    if (note.id == null) return undefined;
    const content = String(note.content ?? '').replace(/\s+/g, ' ').trim();
    if (!content) return { text: `Note #${note.id}`, value: note.id };
    const text = content.length > maxLength ? `${content.slice(0, maxLength - 1).trimEnd()}…` : content;
    return { text, value: note.id };
  },
});
