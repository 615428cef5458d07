// The sandbox collections of the newest SalesLoft resources (resources-newest.ts); store.ts keeps them too.

export const NEWEST_COLLECTIONS = [
  'opportunities',
  'opportunity_stages',
  'opportunity_people',
  'custom_roles',
  'account_types',
  'account_team_member_roles',
  'crm_account_team_members',
  'crm_team_members_with_roles',
  'conversations',
  'transcriptions',
  'transcription_sentences',
  'data_control_requests',
  'signal_registrations',
  'play_registrations',
  'signals',
  'external_id_configurations',
  'external_id_mappings',
  'audit_reports',
  'cadence_export_downloads',
] as const;
