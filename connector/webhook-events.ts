// SalesLoft's webhook event types (developers.salesloft.com/docs/platform/webhooks/event-types and
// ../shared/reference/current-api/webhook-events.tsv): the one table behind the event-type dropdown, the
// webhook triggers and the sandbox's deliveries.

import { defineTrigger, type TriggerOperation } from './operation.js';

export interface WebhookEventType {
  /** SalesLoft's event_type, also sent as the x-salesloft-event header. */
  eventType: string;
  /** The resource whose record is the delivery's body (schemas/resources/<resource>.json where it exists). */
  resource: string;
  /** What happened, as a person reads it in a dropdown: "Person created". */
  text: string;
  /** When SalesLoft sends it. */
  description: string;
  /** The OAuth scope the subscribing app needs; undefined where SalesLoft lists none. */
  scope?: string;
}

// Generic so that the table keeps each event type's literal name (WebhookEventName below).
const event = <E extends string>(eventType: E, resource: string, text: string, description: string, scope?: string): WebhookEventType & { eventType: E } => ({ eventType, resource, text, description, scope });

export const WEBHOOK_EVENT_TYPES = [
  event('account_created', 'account', 'Account created', 'An account is created; the delivery is the new account.', 'accounts:read'),
  event('account_updated', 'account', 'Account updated', 'An account changes; the delivery is the account as it is now.', 'accounts:read'),
  event('account_deleted', 'account', 'Account deleted', 'An account is deleted; the delivery is the account as it was.', 'accounts:read'),
  event('bulk_job_completed', 'bulk_job', 'Bulk job completed', 'A bulk job finishes (state done); the delivery is the finished job with its counts.'),
  event('cadence_created', 'cadence', 'Cadence created', 'A cadence is created; the delivery is the new cadence.', 'cadences:read'),
  event('cadence_updated', 'cadence', 'Cadence updated', 'A cadence changes; the delivery is the cadence as it is now.', 'cadences:read'),
  event('cadence_deleted', 'cadence', 'Cadence deleted', 'A cadence is deleted; the delivery is the cadence as it was.', 'cadences:read'),
  event('cadence_membership_created', 'cadence_membership', 'Person added to a cadence', 'A person is added to a cadence; the delivery is the new cadence membership.', 'cadences:read'),
  event('cadence_membership_updated', 'cadence_membership', 'Cadence membership updated', 'A cadence membership changes (its state, its step, or the person is removed); the delivery is the membership.', 'cadences:read'),
  event('call_created', 'call', 'Call logged', 'A call is logged; the delivery is the new call activity.', 'calls:read'),
  event('call_updated', 'call', 'Call updated', 'A call activity changes (e.g. a note is attached); the delivery is the call.', 'calls:read'),
  event('call_data_record_created', 'call_data_record', 'Call data record created', 'The dialer records a call (a call data record); the delivery is the record.', 'calls:read'),
  event('call_data_record_updated', 'call_data_record', 'Call data record updated', 'A call data record changes (e.g. it is linked to a logged call); the delivery is the record.', 'calls:read'),
  event('conversation_created', 'conversation', 'Conversation created', 'A recorded call or meeting (Conversations) is created; the delivery is the conversation.', 'conversations:read'),
  event('conversation_updated', 'conversation', 'Conversation updated', 'A conversation changes; the delivery is the conversation.', 'conversations:read'),
  event('conversation_recording_created', 'conversation', 'Conversation recording ready', 'A recording is attached to a conversation; the delivery is the conversation.', 'conversations:read'),
  event('conversation_transcript_created', 'conversation', 'Conversation transcript ready', 'A transcript is produced for a conversation; the delivery is the conversation.', 'conversations:read'),
  event('email_updated', 'email', 'Email updated', 'An email activity changes state (sent, opened, clicked, replied, bounced); the delivery is the email without its subject and body.', 'emails:read'),
  event('email_with_body_and_subject_updated', 'email', 'Email updated (with subject and body)', 'Like "Email updated", but the delivery carries the subject and body.', 'email_contents:read'),
  event('link_swap', 'email', 'Tracked link swapped', 'A tracked link inside a SalesLoft email is substituted; the delivery describes the link.'),
  event('meeting_booked', 'meeting', 'Meeting booked', 'A meeting is booked; the delivery is the meeting.', 'meetings:read'),
  event('meeting_updated', 'meeting', 'Meeting updated', 'A meeting changes; the delivery is the meeting.', 'meetings:read'),
  event('note_created', 'note', 'Note created', 'A note is created on a person or account; the delivery is the new note.', 'notes:read'),
  event('note_updated', 'note', 'Note updated', 'A note changes; the delivery is the note as it is now.', 'notes:read'),
  event('note_deleted', 'note', 'Note deleted', 'A note is deleted; the delivery is the note as it was.', 'notes:read'),
  event('person_created', 'person', 'Person created', 'A person is created; the delivery is the new person.', 'people:read'),
  event('person_updated', 'person', 'Person updated', 'A person changes; the delivery is the person as they are now.', 'people:read'),
  event('person_deleted', 'person', 'Person deleted', 'A person is deleted; the delivery is the person as they were.', 'people:read'),
  event('step_created', 'step', 'Cadence step created', 'A step is added to a cadence; the delivery is the new step.', 'cadences:read'),
  event('step_updated', 'step', 'Cadence step updated', 'A cadence step changes; the delivery is the step.', 'cadences:read'),
  event('step_deleted', 'step', 'Cadence step deleted', 'A cadence step is deleted; the delivery is the step as it was.', 'cadences:read'),
  event('success_created', 'success', 'Success created', 'A success (a positive outcome credited to a cadence) is recorded; the delivery is the success.'),
  event('task_created', 'task', 'Task created', 'A task is created; the delivery is the new task.', 'tasks:read'),
  event('task_updated', 'task', 'Task updated', 'A task changes; the delivery is the task as it is now.', 'tasks:read'),
  event('task_completed', 'task', 'Task completed', 'A task is marked completed; the delivery is the completed task.', 'tasks:read'),
  event('task_deleted', 'task', 'Task deleted', 'A task is deleted; the delivery is the task as it was.', 'tasks:read'),
  event('user_created', 'user', 'User created', 'A SalesLoft user is created; the delivery is the new user.', 'users:read'),
  event('user_updated', 'user', 'User updated', 'A SalesLoft user changes; the delivery is the user.', 'users:read'),
];

/** Every event type's name: 'account_created' | ... | 'user_updated'. */
export type WebhookEventName = (typeof WEBHOOK_EVENT_TYPES)[number]['eventType'];

export const webhookEventType = (eventType: string): WebhookEventType | undefined => WEBHOOK_EVENT_TYPES.find((entry) => entry.eventType === eventType);

export const isWebhookEventName = (value: unknown): value is WebhookEventName => typeof value === 'string' && webhookEventType(value) !== undefined;

/**
 * The declaration of the webhook trigger of one event type (triggers/<event_type>/operation.ts), from the
 * table above: SalesLoft delivers it to a subscription, so it is never run.
 */
export const webhookTrigger = (eventType: WebhookEventName): TriggerOperation => {
  const { resource, text, description, scope } = webhookEventType(eventType)!;
  return defineTrigger({
    name: eventType,
    title: text,
    description: `${description} Delivered by a SalesLoft webhook: subscribe a receiver with create_webhook_subscription (event type ${eventType}) and verify each delivery with parseWebhook.`,
    delivery: 'webhook',
    eventType,
    resource,
    ...(scope ? { scope } : {}),
  });
};
