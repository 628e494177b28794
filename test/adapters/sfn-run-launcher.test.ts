/**
 * SfnRunLauncher against a small HTTP server that speaks the Step Functions JSON protocol for
 * StartExecution (no Step Functions emulator installs here): the real SDK client serialises
 * the request and parses the answers, including AWS error responses.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunLaunchError, SfnRunLauncher } from '../../functions/adapters/sfn-run-launcher.js';
import type { RunState } from '../../functions/core/pipeline/contracts.js';

const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:ReportPipeline';

interface Started {
  readonly target: string;
  readonly body: { stateMachineArn: string; name: string; input: string };
}

let server: Server;
let client: SFNClient;
const started: Started[] = [];
const executions = new Map<string, string>();

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Started['body'];
    started.push({ target: String(request.headers['x-amz-target']), body });
    const fail = (type: string, message: string) => {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ __type: `com.amazonaws.states#${type}`, message }));
    };
    if (body.stateMachineArn !== ARN)
      return fail('StateMachineDoesNotExist', `State Machine Does Not Exist: '${body.stateMachineArn}'`);
    // Step Functions: an identical start of a running execution returns it; any other reuse of the name is refused.
    if (executions.has(body.name))
      return fail('ExecutionAlreadyExists', `Execution Already Exists: '${body.name}'`);
    executions.set(body.name, body.input);
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
    response.end(
      JSON.stringify({
        executionArn: `${ARN.replace(':stateMachine:', ':execution:')}:${body.name}`,
        startDate: 1_796_000_000,
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  client = new SFNClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client?.destroy();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

const run = (runId: string) => ({ runId }) as RunState;

describe('SfnRunLauncher', () => {
  it('starts one execution named after the run with the stage input, and a second start is success', async () => {
    const launcher = new SfnRunLauncher({ client, stateMachineArn: ARN });
    await launcher.launch(run('2026-11-30-daily-0123456789ab'));
    await launcher.launch(run('2026-11-30-daily-0123456789ab'));
    const mine = started.filter((s) => s.body.name === '2026-11-30-daily-0123456789ab');
    expect(mine).toHaveLength(2);
    expect(mine[0]).toEqual({
      target: 'AWSStepFunctions.StartExecution',
      body: {
        stateMachineArn: ARN,
        name: '2026-11-30-daily-0123456789ab',
        input: '{"runId":"2026-11-30-daily-0123456789ab"}',
      },
    });
    expect(executions.size).toBe(1);
  });

  it('any other failure is a RunLaunchError naming the run and the service error', async () => {
    const launcher = new SfnRunLauncher({ client, stateMachineArn: `${ARN}-gone` });
    const error = await launcher.launch(run('2026-11-30-adhoc-x1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunLaunchError);
    expect((error as RunLaunchError).message).toBe(
      `run 2026-11-30-adhoc-x1: the pipeline could not be started: StateMachineDoesNotExist: State Machine Does Not Exist: '${ARN}-gone'`,
    );
    expect((error as RunLaunchError).cause).toBeInstanceOf(Error);
  });

  it('refuses a run id that cannot name an execution, before calling the service', async () => {
    const before = started.length;
    const launcher = new SfnRunLauncher({ client, stateMachineArn: ARN });
    await expect(launcher.launch(run('2026-11-30 adhoc'))).rejects.toThrow(
      'run 2026-11-30 adhoc: the pipeline could not be started: a run id must be 1–80 of A–Z a–z 0–9 - _ to name an execution',
    );
    expect(started.length).toBe(before);
  });
});
