import { defineDdl } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_tasks_ddl',
  title: 'List tasks (DDL)',
  description: 'Tasks for a dropdown: the subject and due date, e.g. "Call back Jane (due 2024-05-01)", valued by the task id. Typed text is matched against these texts among the first 500 records SalesLoft lists.',
  path: '/v2/tasks',
  paging: 'pages',
  search: 'text',
  choice: (task) => {
    if (task.id == null) return undefined;
    const due = task.due_date || (task.due_at ? String(task.due_at).slice(0, 10) : undefined);
    if (task.subject) return { text: due ? `${task.subject} (due ${due})` : task.subject, value: task.id };
    return { text: due ? `Task due ${due}` : `Task #${task.id}`, value: task.id };
  },
});
