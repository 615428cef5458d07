import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'upsert_calendar_event',
  title: 'Upsert calendar event',
  description:
    'Creates or updates a calendar event of an external calendar: SalesLoft finds it by its id and iCal UID within the calendar and updates it, or creates it. Safe to repeat.',
  method: 'POST',
  path: '/v2/calendar/events/upsert',
  idempotent: true,
});
