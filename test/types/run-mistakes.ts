// Mistakes a recipe author makes with the typed API, each of which must fail to compile: every line
// after a `// mistake:` comment is checked by test/types.test.ts to be a compile error (and
// `@ts-expect-error` keeps the file itself compiling). Never run, only type-checked.

import { createConnector } from '../../connector/index.js';

const salesloft = createConnector({ accessToken: 'token' });

export async function mistakes(runtimeName: string): Promise<void> {
  // mistake: a misspelt operation name
  // @ts-expect-error
  await salesloft.run('get_persn', { person_id: 1 });

  // mistake: a misspelt field inside fields
  // @ts-expect-error
  await salesloft.run('create_person', { fields: { email_adress: 'jane@example.com' } });

  // mistake: a property the operation does not have
  // @ts-expect-error
  await salesloft.run('list_people', { per_pgae: 10 });

  // mistake: a wrong type (a number given as text)
  // @ts-expect-error
  await salesloft.run('list_people', { per_page: '50' });

  // mistake: a value outside the enum
  // @ts-expect-error
  await salesloft.run('list_people', { sort_direction: 'UP' });

  // mistake: the required fields left out
  // @ts-expect-error
  await salesloft.run('create_person', {});

  // mistake: a path parameter of the wrong type
  // @ts-expect-error
  await salesloft.run('get_person', { person_id: true });

  // mistake: a required field inside fields left out (an account needs a domain)
  // @ts-expect-error
  await salesloft.run('create_account', { fields: { name: 'Acme' } });

  // mistake: neither an email address nor a phone and a last name
  // @ts-expect-error
  await salesloft.run('create_person', { fields: { first_name: 'Jane' } });

  // mistake: a name known only at run time given to run (runByName is for those)
  // @ts-expect-error
  await salesloft.run(runtimeName, {});

  const { data } = await salesloft.run('get_person', { person_id: 1 });
  // mistake: reading an output as the wrong type
  // @ts-expect-error
  const wrong: string = data.id;
  void wrong;
}

export async function moreMistakes(): Promise<void> {
  // mistake: no input for an operation with required input
  // @ts-expect-error
  await salesloft.run('get_person');

  // mistake: a misspelt property where every property is optional
  // @ts-expect-error
  await salesloft.run('list_users_ddl', { serch: 'jane' });
}
