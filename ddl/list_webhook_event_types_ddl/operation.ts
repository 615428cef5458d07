import { defineDdl } from '../../connector/operation.js';
import { WEBHOOK_EVENT_TYPES } from '../../connector/webhook-events.js';

export default defineDdl({
  name: 'list_webhook_event_types_ddl',
  title: 'List webhook event types (DDL)',
  description: 'The events a webhook subscription can receive, as a person reads them ("Person created"), valued by event type (person_created).',
  paging: 'static',
  search: 'text',
  staticChoices: () => WEBHOOK_EVENT_TYPES.map(({ eventType, text }) => ({ text, value: eventType })),
});
