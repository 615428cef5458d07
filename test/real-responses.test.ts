// Output schemas never reject what SalesLoft really returns (recorded responses, test/fixtures/real-responses).

import nock from 'nock';
import { ApiError, createConnector } from '../connector/index.js';
import { baseUrl, mainOperations, realResponse, schemaProblems } from './support.js';


const listOperations = mainOperations.filter(({ operation }) => operation.kind === 'main' && operation.method === 'GET' && operation.name.startsWith('list_')).map(({ operation }) => operation.name);

const cases: Array<[string, string]> = [
  ['read-list-people.json', 'list_people'],
  ['get-records-people.json', 'list_people'],
  ['read-list-accounts.json', 'list_accounts'],
  ['read-list-accounts-since.json', 'list_accounts'],
  ['get-records-accounts.json', 'list_accounts'],
  ['read-list-users.json', 'list_users'],
  ['read-custom-fields-first-page.json', 'list_custom_fields'],
  ['read-custom-fields-last-page.json', 'list_custom_fields'],
  ['write-create-account.json', 'create_account'],
  ['write-create-task.json', 'create_task'],
  ...listOperations.map((name): [string, string] => ['read-empty.json', name]),
];

test.each(cases)('%s validates against %s output', (file, operation) => {
  expect(schemaProblems(operation, 'output', realResponse(file))).toEqual([]);
});

test('a recorded 422 body becomes an ApiError with SalesLoft\'s field errors', async () => {
  nock.disableNetConnect();
  nock(baseUrl).post('/v2/person_stages').reply(422, realResponse('write-signals-error.json') as never);
  const error = (await createConnector({ accessToken: 'recorded-test-token', baseUrl, env: {} }).run('create_person_stage', { fields: { name: 'x' } }).catch((e: unknown) => e)) as ApiError;
  expect(error).toMatchObject({ status: 422, kind: 'validation', fieldErrors: { type: ['no Signal Registration found for integration id 5167 and given type'] } });
  nock.enableNetConnect();
});
