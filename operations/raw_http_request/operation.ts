import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'raw_http_request',
  title: 'Raw HTTP request (advanced)',
  description:
    'Perform a raw HTTP request to the SalesLoft API with the connector doing authentication, retries and rate-limit pacing: for endpoints the connector has no operation for. Only the API\'s own origin is allowed, so the token never leaves SalesLoft.',
  method: 'GET',
  path: '*',
  raw: true,
});
