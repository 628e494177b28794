/**
 * The REST API (API Gateway v1, regional): POST /runs, GET /runs/{runId}, GET /reports,
 * GET /scenarios, all proxied to the api function. Every method requires IAM authorisation
 * (SigV4-signed callers: the risk desk's roles, CI, other services); grant
 * `execute-api:Invoke` on `api.arnForExecuteApi()` to let a principal call it.
 *
 * API Gateway rejects malformed requests before they cost a Lambda invocation: POST /runs
 * needs a JSON body matching the model (the handler's zod schema then checks every field);
 * GET /runs/{runId} needs the path parameter. Throttling: stage-wide rate and burst from
 * props, and a tenth of them on POST /runs, because every accepted POST starts a run.
 * Access logs (JSON, standard fields) go to CloudWatch Logs; execution logs at ERROR level.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  EndpointType,
  JsonSchemaType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RequestValidator,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ApiProps {
  readonly handler: IFunction;
  readonly stage: string;
  readonly rateLimit: number;
  readonly burstLimit: number;
  readonly logRetention: RetentionDays;
}

const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const idList = (maxItems: number) => ({
  type: JsonSchemaType.ARRAY,
  items: { type: JsonSchemaType.STRING },
  maxItems,
});

export class Api extends Construct {
  readonly restApi: RestApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.restApi = new RestApi(this, 'Rest', {
      description: `Marginfall runs and reports (${props.stage})`,
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      // Execution logging needs the account-level API Gateway → CloudWatch Logs role.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: props.stage,
        throttlingRateLimit: props.rateLimit,
        throttlingBurstLimit: props.burstLimit,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        tracingEnabled: true,
        methodOptions: {
          '/runs/POST': {
            throttlingRateLimit: Math.max(1, Math.floor(props.rateLimit / 10)),
            throttlingBurstLimit: Math.max(1, Math.floor(props.burstLimit / 10)),
          },
        },
      },
      defaultMethodOptions: { authorizationType: AuthorizationType.IAM },
    });

    const integration = new LambdaIntegration(props.handler);
    const bodyValidator = new RequestValidator(this, 'BodyValidator', {
      restApi: this.restApi,
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    const parameterValidator = new RequestValidator(this, 'ParameterValidator', {
      restApi: this.restApi,
      validateRequestParameters: true,
    });
    // The body of POST /runs (functions/core/api/api-request.ts RunRequestBody): the gateway
    // refuses what is not such an object before a Lambda runs; the handler's strict zod schema
    // then checks every field and names the one at fault (unknown fields included).
    const runRequestModel = this.restApi.addModel('RunRequest', {
      contentType: 'application/json',
      description: 'An on-demand run request',
      schema: {
        type: JsonSchemaType.OBJECT,
        required: ['asOf'],
        properties: {
          asOf: { type: JsonSchemaType.STRING, pattern: ISO_DATE },
          scenarioIds: idList(200),
          scenarios: { type: JsonSchemaType.ARRAY, items: { type: JsonSchemaType.OBJECT }, maxItems: 200 },
          regimes: idList(4),
          clientIds: idList(10_000),
          params: { type: JsonSchemaType.OBJECT },
        },
      },
    });

    const runs = this.restApi.root.addResource('runs');
    runs.addMethod('POST', integration, {
      requestValidator: bodyValidator,
      requestModels: { 'application/json': runRequestModel },
    });
    runs.addResource('{runId}').addMethod('GET', integration, {
      requestValidator: parameterValidator,
      requestParameters: { 'method.request.path.runId': true },
    });
    this.restApi.root.addResource('reports').addMethod('GET', integration, {
      requestValidator: parameterValidator,
      // Declared, not required here: the handler refuses a missing asOf with a message naming it.
      requestParameters: { 'method.request.querystring.asOf': false },
    });
    this.restApi.root.addResource('scenarios').addMethod('GET', integration);
  }
}
