// A short recipe run through the connector as a user would: the dropdowns a form needs, a person
// stage, a batch upsert, paging, a cadence, a call with a disposition from its dropdown, a raw
// request, and an invalid input shown as the error the user gets. Used by the main job and its test.

import { InputError, type Connector } from '../connector/index.js';

type Step = (line: string) => void;

export const runRecipe = async (connector: Connector, say: Step): Promise<void> => {
  const [users, stages, cadences, dispositions] = await Promise.all([
    connector.run('list_users_ddl', {}),
    connector.run('list_person_stages_ddl', {}),
    connector.run('list_cadences_ddl', {}),
    connector.run('list_call_dispositions_ddl', {}),
  ]);
  say(`Dropdowns: ${users.result.length} users (e.g. ${users.result[0]?.text}), ${stages.result.length} person stages, ${cadences.result.length} cadences, ${dispositions.result.length} call dispositions`);

  const stage = await connector.run('create_person_stage', { fields: { name: `Recipe leads ${new Date().toISOString().slice(0, 10)}` } });
  say(`Created person stage "${stage.data.name}" (id ${stage.data.id})`);

  const owner = users.result[0]?.value;
  const people = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra'].map((name) => {
    const [first_name, last_name] = name.split(' ');
    return { first_name, last_name, email_address: `${first_name.toLowerCase()}.${last_name.toLowerCase()}@recipe.example` };
  });
  const upserts = [];
  for (const person of [...people, { ...people[0], title: 'Countess of Lovelace' }]) {
    upserts.push(
      await connector.run('upsert_person', {
        fields: { upsert_key: 'email_address', ...person, person_stage_id: Number(stage.data.id), ...(typeof owner === 'number' ? { owner_id: owner } : {}), custom_fields: [{ key: 'Lead Source', value: 'Recipe' }] },
      }),
    );
  }
  const kinds = upserts.map((upsert) => upsert.data.upsert_type);
  say(`Upserted ${upserts.length} people by email: ${kinds.filter((k) => k === 'create').length} created, ${kinds.filter((k) => k === 'update').length} updated`);

  let page: number | null | undefined = 1;
  let list: Awaited<ReturnType<typeof listPeople>>;
  const listPeople = (page: number) => connector.run('list_people', { person_stage_id: [Number(stage.data.id)], per_page: 2, page, sort_by: 'created_at', sort_direction: 'ASC' });
  let pages = 0;
  const seen: string[] = [];
  while (page) {
    list = await listPeople(page);
    pages += 1;
    seen.push(...list.data.map((person) => String(person.display_name ?? person.email_address)));
    page = list.metadata?.paging?.next_page;
  }
  say(`Paged through the stage 2 at a time: ${pages} pages, ${seen.length} people (${seen.join(', ')})`);

  const person = upserts[0].data.person;
  if (!person) throw new Error('upsert_person returned no person');
  const cadence = cadences.result[0];
  const membership = await connector.run('create_cadence_membership', { fields: { person_id: Number(person.id), cadence_id: Number(cadence.value) } });
  say(`Added ${person.display_name} to cadence "${cadence.text}" (membership ${membership.data.id}, ${membership.data.current_state})`);

  const disposition = dispositions.result.find((choice) => choice.text === 'Connected') ?? dispositions.result[0];
  const call = await connector.run('create_call', { fields: { person_id: Number(person.id), disposition: String(disposition.value), duration: 240, notes: 'Discussed the pilot.' } });
  say(`Logged a call with ${person.display_name}: disposition "${call.data.disposition}", ${call.data.duration} s (call ${call.data.id})`);

  const raw = (await connector.run('raw_http_request', { method: 'GET', url: { endpoint: '/v2/me' } })) as { response: { status_code: number; headers: Record<string, unknown>; body: { data?: { name?: string } } } };
  say(`Raw GET /v2/me: ${raw.response.status_code}, signed in as ${raw.response.body.data?.name}, ${String(raw.response.headers['x-ratelimit-remaining-minute'])} requests left this minute`);

  try {
    await connector.runByName('create_person', { fields: { first_name: 'Nobody', emial_address: 'nobody@recipe.example' } });
    say('Invalid input was accepted: this should not happen');
    throw new Error('the invalid create_person input was not rejected');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    say(`An invalid create_person input is refused before sending: ${error.message}`);
  }
};
