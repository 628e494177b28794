/**
 * REST API proxy events as API Gateway builds them for a Lambda proxy integration behind an
 * IAM-authorised method on stage `prod` (field by field as in the AWS documentation's sample
 * event): resource template and path, single- and multi-value headers and query string, path
 * parameters, body as text, and a request context with the caller's IAM identity.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';

export const API_DOMAIN = 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com';
export const API_STAGE = 'prod';

let requests = 0;

export interface ApiCall {
  readonly method: string;
  /** Resource template as declared in the API, e.g. `/runs/{runId}` (404 paths: the path itself). */
  readonly resource: string;
  /** The path as requested (encoded), e.g. `/runs/2026-11-30-adhoc-1`. */
  readonly path: string;
  readonly pathParameters?: Record<string, string>;
  /** Query parameters; repeat a name with an array. */
  readonly query?: Record<string, string | string[]>;
  readonly body?: string;
  readonly base64?: boolean;
}

export function apiGatewayEvent(call: ApiCall): APIGatewayProxyEvent {
  requests += 1;
  const requestId = `c6af9ac6-7b61-11e6-9a41-93e8deadbe${String(requests).padStart(2, '0')}`;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Encoding': 'gzip, deflate',
    Authorization:
      'AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20261201/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=0123456789abcdef',
    Host: API_DOMAIN,
    'User-Agent': 'risk-desk-cli/1.0',
    'X-Amz-Date': '20261201T061500Z',
    'X-Amz-Security-Token': 'IQoJb3JpZ2luX2VjEXAMPLE',
    'X-Amzn-Trace-Id': `Root=1-67891233-abcdef0123456789abcd${String(requests).padStart(4, '0')}`,
    'X-Forwarded-For': '203.0.113.7',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
    ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }),
  };
  const multiValueHeaders = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, [value]]),
  );
  const entries = Object.entries(call.query ?? {});
  const hasQuery = entries.length > 0;
  const queryStringParameters = Object.fromEntries(
    entries.map(([name, value]) => [name, Array.isArray(value) ? (value.at(-1) ?? '') : value]),
  );
  const multiValueQueryStringParameters = Object.fromEntries(
    entries.map(([name, value]) => [name, Array.isArray(value) ? value : [value]]),
  );
  const now = Date.parse('2026-12-01T06:15:00Z') + requests;
  return {
    resource: call.resource,
    path: call.path,
    httpMethod: call.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? queryStringParameters : null,
    multiValueQueryStringParameters: hasQuery ? multiValueQueryStringParameters : null,
    pathParameters: call.pathParameters ?? null,
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      authorizer: null,
      domainName: API_DOMAIN,
      domainPrefix: 'a1b2c3d4e5',
      extendedRequestId: `Ab1CdEf2GhIJ${requests}=`,
      httpMethod: call.method,
      identity: {
        accessKey: 'ASIAEXAMPLE',
        accountId: '123456789012',
        apiKey: null,
        apiKeyId: null,
        caller: 'AROAEXAMPLE:risk-analyst',
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '203.0.113.7',
        user: 'AROAEXAMPLE:risk-analyst',
        userAgent: 'risk-desk-cli/1.0',
        userArn: 'arn:aws:sts::123456789012:assumed-role/RiskAnalyst/risk-analyst',
      },
      path: `/${API_STAGE}${call.path}`,
      protocol: 'HTTP/1.1',
      requestId,
      requestTime: new Date(now).toUTCString(),
      requestTimeEpoch: now,
      resourceId: 'abc123',
      resourcePath: call.resource,
      stage: API_STAGE,
    },
    body:
      call.body === undefined ? null : call.base64 ? Buffer.from(call.body).toString('base64') : call.body,
    isBase64Encoded: call.base64 ?? false,
  };
}
