// Dropdown wiring: every lookup names a DDL that exists, with inputs it takes, and every id a DDL
// can list carries its lookup.

import type { JsonSchema } from '../connector/schema.js';
import { lookupsOf, mainOperations, registry } from './support.js';

/** Input properties (by name) whose value a DDL lists, and the DDLs that may fill them. */
const expectedLookups: Record<string, string[]> = {
  person_id: ['list_people_ddl'],
  person_ids: ['list_people_ddl'],
  account_id: ['list_accounts_ddl'],
  account_ids: ['list_accounts_ddl'],
  cadence_id: ['list_cadences_ddl'],
  cadence_ids: ['list_cadences_ddl'],
  step_id: ['list_steps_ddl'],
  step_ids: ['list_steps_ddl'],
  person_stage_id: ['list_person_stages_ddl'],
  person_stage_ids: ['list_person_stages_ddl'],
  account_tier_id: ['list_account_tiers_ddl'],
  account_tier_ids: ['list_account_tiers_ddl'],
  company_stage_id: ['list_account_stages_ddl'],
  account_stage_id: ['list_account_stages_ddl', 'list_account_stages_filter_ddl'],
  import_id: ['list_imports_ddl'],
  import_ids: ['list_imports_ddl'],
  owner_id: ['list_users_ddl', 'list_users_filter_owners_ddl'],
  user_id: ['list_users_ddl'],
  user_ids: ['list_users_ddl'],
  user_guid: ['list_users_guid_ddl'],
  owned_by_guid: ['list_users_guid_ddl'],
  owned_by_guid_filter: ['list_users_guid_ddl'],
  custom_field_id: ['list_custom_fields_ddl'],
  custom_field_ids: ['list_custom_fields_ddl'],
  call_id: ['list_calls_ddl'],
  call_ids: ['list_calls_ddl'],
  note_id: ['list_notes_ddl'],
  note_ids: ['list_notes_ddl'],
  task_id: ['list_tasks_ddl'],
  task_ids: ['list_tasks_ddl'],
  action_id: ['list_actions_ddl'],
  action_ids: ['list_actions_ddl'],
  bulk_jobs_id: ['list_bulk_jobs_ddl'],
  cadence_membership_id: ['list_cadence_memberships_ddl'],
  cadence_membership_ids: ['list_cadence_memberships_ddl'],
  email_id: ['list_emails_ddl'],
  email_ids: ['list_emails_ddl'],
  group_id: ['list_groups_ddl'],
  group_ids: ['list_groups_ddl'],
  role_id: ['list_users_role_id_ddl'],
  disposition: ['list_call_dispositions_ddl'],
  sentiment: ['list_call_sentiments_ddl'],
  tag_id: ['list_tags_ddl'],
  tags: ['list_tags_values_ddl'],
  tag: ['list_tags_values_ddl'],
  crm_activity_id: ['list_crm_activities_ddl'],
  linked_call_data_record_ids: ['list_unlinked_call_data_records_ddl'],
  associated_with_type: ['list_accounts_or_people_ddl'],
  // the current API's resources
  email_template_id: ['list_email_templates_ddl'],
  email_template_ids: ['list_email_templates_ddl'],
  team_template_id: ['list_team_templates_ddl'],
  team_template_ids: ['list_team_templates_ddl'],
  meeting_id: ['list_meetings_ddl'],
  meeting_ids: ['list_meetings_ddl'],
  saved_list_view_id: ['list_saved_list_views_ddl'],
  saved_list_view_ids: ['list_saved_list_views_ddl'],
  phone_number_assignment_id: ['list_phone_number_assignments_ddl'],
  phone_number_assignment_ids: ['list_phone_number_assignments_ddl'],
  call_instruction_id: ['list_call_instructions_ddl'],
  call_instruction_ids: ['list_call_instructions_ddl'],
  call_data_record_id: ['list_call_data_records_ddl'],
  success_ids: ['list_successes_ddl'],
  user_guids: ['list_users_guid_ddl'],
  manager_user_guid: ['list_users_guid_ddl'],
  webhook_subscription_id: ['list_webhook_subscriptions_ddl'],
  event_type: ['list_webhook_event_types_ddl'],
  // the newest resources (issue 15)
  opportunity_id: ['list_opportunities_ddl'],
  opportunity_ids: ['list_opportunities_ddl'],
  opportunity_stage_id: ['list_opportunity_stages_ddl'],
  opportunity_stage_ids: ['list_opportunity_stages_ddl'],
  opportunity_person_id: ['list_opportunity_people_ddl'],
  opportunity_person_ids: ['list_opportunity_people_ddl'],
  associated_account_id: ['list_accounts_ddl'],
  most_recent_cadence_id: ['list_cadences_ddl'],
  call_disposition_id: ['list_call_dispositions_id_ddl'],
  call_sentiment_id: ['list_call_sentiments_id_ddl'],
  custom_role_id: ['list_custom_roles_ddl'],
  custom_role_ids: ['list_custom_roles_ddl'],
  conversation_id: ['list_conversations_ddl'],
  conversation_ids: ['list_conversations_ddl'],
  transcription_id: ['list_transcriptions_ddl'],
  transcription_ids: ['list_transcriptions_ddl'],
  owner_ids: ['list_users_ddl'],
  data_control_request_id: ['list_data_control_requests_ddl'],
  people_ids: ['list_people_ddl'],
  signal_registration_id: ['list_signal_registrations_ddl'],
  play_registration_id: ['list_play_registrations_ddl'],
  external_id_configuration_id: ['list_external_id_configurations_ddl'],
  external_id_mapping_id: ['list_external_id_mappings_ddl'],
  parent_id: ['list_groups_ddl'],
  audit_report_id: ['list_audit_reports_ddl'],
};

/** Every property of an input schema with its dotted path (top level and one object level down). */
const propertiesOf = (schema: JsonSchema, prefix = ''): Array<[string, string, JsonSchema]> =>
  Object.entries((schema.properties as Record<string, JsonSchema>) ?? {}).flatMap(([name, property]) => [
    [name, `${prefix}${name}`, property] as [string, string, JsonSchema],
    ...(property.properties ? propertiesOf(property, `${prefix}${name}.`) : []),
  ]);

const lookupOf = (property: JsonSchema): { operation: string } | undefined =>
  (property.lookup ?? (property.items as JsonSchema | undefined)?.lookup ?? (property.propertyNames as JsonSchema | undefined)?.lookup) as { operation: string } | undefined;

const allLookups = registry.all().flatMap(({ operation, inputSchema }) => lookupsOf(inputSchema).map((found) => [operation.name, found.path, found.lookup, inputSchema] as const));

test.each(allLookups)('%s %s: its lookup names a DDL and inputs that DDL takes', (_, __, lookup, inputSchema) => {
  const ddl = registry.get(lookup.operation);
  expect([lookup.operation, ddl?.operation.kind]).toEqual([lookup.operation, 'ddl']);
  const takes = Object.keys((ddl!.inputSchema.properties as object) ?? {});
  const own = propertiesOf(inputSchema).map(([name]) => name);
  for (const [key, value] of Object.entries(lookup.input ?? {})) {
    expect([lookup.operation, key, takes.includes(key)]).toEqual([lookup.operation, key, true]);
    const reference = /^\{\{\{(\w+)\}\}\}$/.exec(String(value))?.[1];
    if (reference) expect([reference, own.includes(reference)]).toEqual([reference, true]);
  }
});

const idProperties = mainOperations.flatMap(({ operation, inputSchema }) =>
  propertiesOf(inputSchema)
    .filter(([name]) => name in expectedLookups)
    .map(([name, path, property]) => [operation.name, path, name, property] as const),
);

test.each(idProperties)('%s %s carries its lookup', (_, __, name, property) => {
  expect(expectedLookups[name]).toContain(lookupOf(property)?.operation);
});

test('a step lookup passes the cadence when the form has a single one', () => {
  for (const { operation, inputSchema } of mainOperations) {
    const names = propertiesOf(inputSchema);
    for (const [name, path, property] of names) {
      if (name !== 'step_id') continue;
      const sibling = path.replace(/step_id$/, 'cadence_id');
      // list_steps_ddl filters by one cadence: a form whose cadence_id is a list cannot pass it on.
      if (names.some(([, other, schema]) => other === sibling && schema.type !== 'array')) {
        expect([operation.name, (lookupOf(property) as { input?: object } | undefined)?.input]).toEqual([operation.name, { cadence_id: '{{{cadence_id}}}' }]);
      }
    }
  }
});
