import { describe, expect, it } from 'vitest';
import { parseApiEvent } from '../../functions/handlers/api/schema.js';
import { API_DOMAIN, apiGatewayEvent } from './api-gateway-events.js';

const post = { method: 'POST', resource: '/runs', path: '/runs', body: '{"asOf":"2026-11-30"}' };

describe('parseApiEvent', () => {
  it('builds the status link base from the stage behind API Gateway', () => {
    expect(parseApiEvent(apiGatewayEvent(post))).toEqual({
      operation: 'createRun',
      body: { asOf: '2026-11-30' },
      baseUrl: `https://${API_DOMAIN}/prod`,
    });
    // A custom domain with base path mapping `risk` → stage prod: the context path carries the mapping.
    const mapped = apiGatewayEvent(post);
    const custom = {
      ...mapped,
      requestContext: { ...mapped.requestContext, domainName: 'api.risk.example', path: '/risk/runs' },
    };
    expect(parseApiEvent(custom)).toMatchObject({ baseUrl: 'https://api.risk.example/risk' });
  });

  it('uses the Host header and the bare path when no API Gateway domain is in the request context', () => {
    const event = apiGatewayEvent(post);
    const { domainName: _, ...requestContext } = event.requestContext;
    const local = {
      ...event,
      headers: { Host: '127.0.0.1:3000', 'Content-Type': 'application/json' },
      requestContext: { ...requestContext, path: '/local/runs' },
    };
    expect(parseApiEvent(local)).toMatchObject({ baseUrl: 'http://127.0.0.1:3000' });
  });

  it('refuses something that is not a proxy event as an internal fault (500), not a caller error', () => {
    expect(() => parseApiEvent({ httpMethod: 'GET' })).toThrow('not an API Gateway proxy event: path: ');
  });
});
