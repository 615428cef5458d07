// Correct uses of the typed API: this file must compile with no error (test/types.test.ts).
// Never run, only type-checked.

import { createConnector, type OperationName, type Operations } from '../../connector/index.js';

const salesloft = createConnector({ accessToken: 'token' });

export async function correct(runtimeName: string, runtimeInput: unknown): Promise<void> {
  const { data: person } = await salesloft.run('get_person', { person_id: 12345 });
  const id: number | null | undefined = person.id;
  const email: string | null | undefined = person.email_address;
  await salesloft.run('get_person', { person_id: '12345' });

  await salesloft.run('create_person', { fields: { email_address: 'jane@example.com', first_name: 'Jane', job_seniority: 'manager' } });
  await salesloft.run('create_person', { fields: { phone: '+15550100', last_name: 'Doe', custom_fields: { 'Lead Source': 'Website' } } });
  await salesloft.run('create_account', { fields: { name: 'Acme', domain: 'acme.com' } });

  const people = await salesloft.run('list_people', { per_page: 50, sort_direction: 'DESC', updated_at: { gte: '2024-01-31T00:00:00Z' } });
  const page: number | null | undefined = people.metadata?.paging?.current_page;

  const { result } = await salesloft.run('list_users_ddl', {});
  const choices: Array<{ text: string; value: string | number }> = result;

  const output: unknown = await salesloft.runByName(runtimeName, runtimeInput);
  const name: OperationName = 'upsert_person';
  const input: Operations['upsert_person']['input'] = { fields: { upsert_key: 'email_address', email_address: 'jane@example.com' } };
  await salesloft.run(name, input);

  void [id, email, page, choices, output];
}

export async function withoutInput(): Promise<void> {
  const { result } = await salesloft.run('list_users_ddl');
  await salesloft.run('list_people');
  void result;
}
