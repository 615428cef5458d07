// Dropdowns that find what a person types: a full email address (people) or a domain (accounts) is sent to
// SalesLoft's filter and found among all records, beyond the 500 a dropdown reads; other text is matched
// in the choices, and every such dropdown says so in its description.

import nock from 'nock';
import { createConnector, type Choice } from '../connector/index.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { ddlOperations } from './support.js';

let sandbox: Sandbox;

beforeAll(async () => {
  nock.enableNetConnect('127.0.0.1');
  sandbox = await startSandbox({ rateLimit: { budget: 100_000 } });
  // 600 newer records push the seed's people and accounts past the first 500 a dropdown reads.
  for (let n = 0; n < 600; n++) {
    sandbox.store.insert('people', { first_name: 'Filler', last_name: `Person${n}`, email_address: `filler${n}@example.com` });
    sandbox.store.insert('accounts', { name: `Filler ${n}`, domain: `filler${n}.example.com` });
  }
});
afterAll(async () => {
  await sandbox.close();
  nock.enableNetConnect();
});
beforeEach(() => {
  sandbox.requests.length = 0;
});

const choices = async (name: string, search: string): Promise<Choice[]> => {
  const connector = createConnector({ baseUrl: sandbox.url, accessToken: 'ddl-token', env: {}, retries: 0 });
  return ((await connector.run(name as never, { search } as never)) as { result: Choice[] }).result;
};

test('a person typed as a full email address is found among all people, in one request', async () => {
  const olivia = sandbox.store.get('people', 3001)!;
  const result = await choices('list_people_ddl', String(olivia.email_address).toUpperCase());
  expect(result.map((choice) => choice.value)).toEqual([3001]);
  expect(sandbox.requests).toHaveLength(1);
  expect(sandbox.requests[0].query).toMatchObject({ email_addresses: [String(olivia.email_address).toUpperCase()] });
});

test('an email address nobody has falls back to matching the texts, and finds nothing', async () => {
  expect(await choices('list_people_ddl', 'nobody@nowhere.example')).toEqual([]);
  expect(sandbox.requests.length).toBeGreaterThan(1);
});

test('other text is matched in the choices of the people read', async () => {
  const result = await choices('list_people_ddl', 'filler599@');
  expect(result.map((choice) => choice.text)).toEqual(['filler599@example.com']);
});

test('an account typed as its domain is found among all accounts', async () => {
  const account = sandbox.store.get('accounts', 2002)!;
  const result = await choices('list_accounts_ddl', String(account.domain));
  expect(result.map((choice) => choice.value)).toEqual([2002]);
  expect(sandbox.requests[0].query).toMatchObject({ domain: String(account.domain) });
});

test('an account typed as its whole name is found among all accounts; part of a name is matched in the texts', async () => {
  const account = sandbox.store.get('accounts', 2003)!;
  expect((await choices('list_accounts_ddl', String(account.name))).map((choice) => choice.value)).toEqual([2003]);
  expect(sandbox.requests[0].query).toMatchObject({ name: [String(account.name)] });
  const texts = (await choices('list_accounts_ddl', 'Filler 59')).map((choice) => choice.text);
  expect(texts).toEqual(expect.arrayContaining(['Filler 59 (filler59.example.com)', 'Filler 599 (filler599.example.com)']));
});

test('every dropdown that matches typed text itself says within how many records', () => {
  for (const { operation } of ddlOperations) {
    if (operation.kind !== 'ddl' || operation.search !== 'text' || operation.paging === 'static') continue;
    expect([operation.name, /first 500 (records|people|accounts)|among all of them/.test(operation.description)]).toEqual([operation.name, true]);
  }
});
