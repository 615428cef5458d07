// Every operation, table-driven: its schemas compile in strict ajv, its samples validate, and its
// sample input sends exactly samples/<op>/request.json and gives back samples/<op>/output.json.

import nock from 'nock';
import { createConnector } from '../connector/index.js';
import { hasSample, operations, recordRequests, registry, sample, schemaProblems } from './support.js';

const token = 'sample-token';
const connector = createConnector({ accessToken: token, baseUrl: 'https://api.salesloft.com', retries: 0 });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe.each(operations.map((entry) => [entry.operation.name, entry] as const))('%s', (name, entry) => {
  // A webhook trigger is delivered by SalesLoft, never run: it sends nothing, so it has no request.json.
  const isWebhookTrigger = entry.operation.kind === 'trigger' && entry.operation.delivery === 'webhook';

  test('input and output schemas compile in strict mode', () => {
    expect(() => registry.validator(name, 'input')).not.toThrow();
    expect(() => registry.validator(name, 'output')).not.toThrow();
  });

  test('has its samples', () => {
    for (const file of ['input.json', 'output.json', ...(isWebhookTrigger ? [] : ['request.json'])]) expect([name, file, hasSample(name, file)]).toEqual([name, file, true]);
  });

  test('sample input and output validate', () => {
    expect(schemaProblems(name, 'input', sample(name, 'input.json'))).toEqual([]);
    expect(schemaProblems(name, 'output', sample(name, 'output.json'))).toEqual([]);
  });

  test('sample input sends request.json and returns output.json', async () => {
    if (isWebhookTrigger) {
      const sent = recordRequests(() => [200, {}]);
      await expect(connector.run(name, sample(name, 'input.json'))).rejects.toThrow(/create_webhook_subscription.*parseWebhook/);
      expect(sent).toEqual([]);
      return;
    }
    const expected = sample(name, 'request.json');
    const isRaw = entry.operation.kind === 'main' && entry.operation.raw;
    const apiResponse = entry.operation.kind === 'ddl' ? (hasSample(name, 'api-response.json') ? sample(name, 'api-response.json') : undefined) : sample(name, 'output.json');
    const sent = recordRequests(() => {
      if (isRaw) return [200, apiResponse.response.body, { 'content-type': 'application/json' }];
      if (apiResponse && 'success' in apiResponse && Object.keys(apiResponse).length === 1) return [204];
      return [200, apiResponse];
    });
    const output = await connector.run(name, sample(name, 'input.json'));
    if (expected === null) {
      expect(sent).toEqual([]);
    } else {
      expect(sent.length).toBeGreaterThanOrEqual(1);
      const { headers, ...request } = sent[0];
      // An idempotency key the sample does not give is generated per run: a fresh UUID, else as request.json.
      const keyField = entry.operation.kind === 'main' ? entry.operation.idempotencyKey : undefined;
      if (keyField && expected.body?.[keyField] === undefined) {
        const { [keyField]: key, ...body } = request.body as Record<string, unknown>;
        expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        request.body = body;
      }
      expect(request).toEqual({ query: {}, body: null, ...expected });
      expect(headers.authorization).toBe(`Bearer ${sample(name, 'input.json').access_token ?? token}`);
    }
    if (isRaw) expect((output as { response: { body: unknown } }).response.body).toEqual(sample(name, 'output.json').response.body);
    else expect(output).toEqual(sample(name, 'output.json'));
  });
});
