import { minuteOf, type ApiRecord, type Choice } from '../../connector/operation.js';

/**
 * A call data record as a dropdown choice, e.g. "Outbound call to +15551234567 on 2024-05-01 14:32"
 * (records have no name). Shared by list_call_data_records_ddl and list_unlinked_call_data_records_ddl.
 */
export const callDataRecordChoice = (record: ApiRecord): Choice | undefined => {
  if (record.id == null) return undefined;
  const inbound = record.direction === 'inbound';
  // The other party: who called in, or who was called.
  const peer = inbound ? record.from || record.to : record.to || record.from;
  const parts = [inbound ? 'Inbound call' : record.direction === 'outbound' ? 'Outbound call' : 'Call'];
  if (peer) parts.push(`${inbound ? 'from' : 'to'} ${peer}`);
  if (record.created_at) parts.push(`on ${minuteOf(record.created_at)}`);
  if (parts.length === 1) parts.push(`#${record.id}`);
  return { text: parts.join(' '), value: record.id };
};
