// The sandbox collections of the current API's new resources (resources-current.ts); store.ts keeps them too.

export const CURRENT_COLLECTIONS = [
  'email_templates',
  'email_template_attachments',
  'team_templates',
  'team_template_attachments',
  'meetings',
  'meeting_settings',
  'calendar_events',
  'saved_list_views',
  'successes',
  'phone_number_assignments',
  'recording_settings',
  'call_instructions',
  'activity_histories',
  'crm_users',
  'pending_emails',
  'mime_email_payloads',
  'external_emails',
  'conversation_calls',
  'live_feed_items',
] as const;
