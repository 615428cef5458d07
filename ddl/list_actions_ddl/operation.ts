import { defineDdl } from '../../connector/operation.js';

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export default defineDdl({
  name: 'list_actions_ddl',
  title: 'List actions (DDL)',
  description: 'The in-progress actions for a dropdown, e.g. "Phone action due 2024-05-01 (person 12)", valued by the action id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/actions',
  paging: 'pages',
  search: 'text',
  // Actions have no name: their type, due date and person describe them.
  choice: (action) => {
    if (action.id == null) return undefined;
    const parts = [action.type ? `${capitalized(String(action.type))} action` : 'Action'];
    if (action.due_on) parts.push(`due ${String(action.due_on).slice(0, 10)}`);
    if (action.person?.id != null) parts.push(`(person ${action.person.id})`);
    if (parts.length === 1) parts.push(`#${action.id}`);
    return { text: parts.join(' '), value: action.id };
  },
});
