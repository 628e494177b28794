/**
 * The pipeline's state machine as deployed with the default settings: the definition parsed
 * from the template, checked by asl-validator, its retry and catch policy on every task, and
 * walked through by a small interpreter of the states it uses (Task, Map, Pass, Choice,
 * Succeed, Fail; JSONPath `$.a.b` only), so the payload each Lambda receives is checked as a
 * value — in particular FailRun's `{ runId, step, error: { name, message } }`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import validateAsl from 'asl-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_SERVICE_ERRORS, NON_RETRYABLE_ERRORS } from '../../infra/constructs/orchestration.js';
import { PROJECT_ROOT, type SynthesisedStack, synthStack } from './synth-stack.js';

type Json = Record<string, unknown>;

interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly MaxAttempts?: number;
  readonly IntervalSeconds?: number;
  readonly BackoffRate?: number;
  readonly JitterStrategy?: string;
  readonly MaxDelaySeconds?: number;
}

interface StateDef {
  readonly Type: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Resource?: string;
  readonly Parameters?: Json;
  readonly ResultPath?: string | null;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly { ErrorEquals: string[]; ResultPath?: string; Next: string }[];
  readonly Choices?: readonly (ChoiceRule & { Next: string })[];
  readonly Default?: string;
  readonly ItemsPath?: string;
  readonly ItemSelector?: Json;
  readonly MaxConcurrency?: number;
  readonly ItemProcessor?: Machine;
  readonly ErrorPath?: string;
  readonly CausePath?: string;
}

interface ChoiceRule {
  readonly Variable?: string;
  readonly StringEquals?: string;
  readonly StringMatches?: string;
  readonly IsPresent?: boolean;
  readonly IsString?: boolean;
  readonly And?: readonly ChoiceRule[];
}

interface Machine {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, StateDef>>;
}

let synth: SynthesisedStack;
let machine: Machine;
/** Lambda ARN placeholder → handler name. */
const functionOfArn = new Map<string, string>();

beforeAll(() => {
  synth = synthStack();
  const resource = Object.values(synth.json.Resources).find(
    (candidate) => candidate.Type === 'AWS::StepFunctions::StateMachine',
  )!;
  for (const [name, fn] of Object.entries(synth.stack.compute.functions)) {
    functionOfArn.set(`arn:aws:lambda:eu-west-2:123456789012:function:${synth.logicalId(fn)}`, name);
  }
  // The definition is a Fn::Join of text and function ARNs: put example ARNs in their place.
  const join = (resource.Properties!.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  const text = join[1]
    .map((part) => {
      if (typeof part === 'string') return part;
      const [logicalId, attribute] = (part as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
      expect(attribute).toBe('Arn');
      return `arn:aws:lambda:eu-west-2:123456789012:function:${logicalId}`;
    })
    .join(join[0]);
  machine = JSON.parse(text) as Machine;
});
afterAll(() => synth?.dispose());

/** Every state, the Map's inner ones included. */
function allStates(definition: Machine = machine): [string, StateDef][] {
  return Object.entries(definition.States).flatMap(([name, state]) => [
    [name, state] as [string, StateDef],
    ...(state.ItemProcessor ? allStates(state.ItemProcessor) : []),
  ]);
}

// ─── a small interpreter for the walk-through tests ───

const read = (document: unknown, path: string): unknown =>
  path === '$'
    ? document
    : path
        .replace(/^\$\./, '')
        .split('.')
        .reduce<unknown>((value, key) => (value as Json | undefined)?.[key], document);

function write(document: unknown, path: string | null | undefined, result: unknown): unknown {
  if (path === null) return document;
  if (path === undefined || path === '$') return result;
  const keys = path.replace(/^\$\./, '').split('.');
  const copy = structuredClone(document) as Json;
  let cursor = copy;
  for (const key of keys.slice(0, -1)) {
    cursor[key] ??= {};
    cursor = cursor[key] as Json;
  }
  cursor[keys.at(-1)!] = result;
  return copy;
}

function resolvePath(path: string, input: unknown, context: Json): unknown {
  const intrinsic = /^States\.StringToJson\((.+)\)$/.exec(path);
  if (intrinsic) return JSON.parse(read(input, intrinsic[1]!) as string);
  const value = path.startsWith('$$.') ? read(context, `$.${path.slice(3)}`) : read(input, path);
  // Step Functions fails the state when a path matches nothing.
  if (value === undefined) throw new Error(`States.Runtime: ${path} matches nothing`);
  return value;
}

/** StringMatches: `*` matches any run of characters, everything else itself. */
function matchesPattern(value: string, pattern: string): boolean {
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${pattern.split('*').map(literal).join('.*')}$`, 's').test(value);
}

function holds(rule: ChoiceRule, input: unknown): boolean {
  if (rule.And) return rule.And.every((inner) => holds(inner, input));
  const value = read(input, rule.Variable!);
  if (rule.IsPresent !== undefined) return (value !== undefined) === rule.IsPresent;
  if (rule.IsString !== undefined) return (typeof value === 'string') === rule.IsString;
  if (rule.StringEquals !== undefined) return value === rule.StringEquals;
  if (rule.StringMatches !== undefined)
    return typeof value === 'string' && matchesPattern(value, rule.StringMatches);
  throw new Error(`choice rule ${JSON.stringify(rule)} is not interpreted here`);
}

function fill(template: Json, input: unknown, context: Json): Json {
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) => {
      if (key.endsWith('.$')) return [key.slice(0, -2), resolvePath(value as string, input, context)];
      return [key, typeof value === 'object' && value !== null ? fill(value as Json, input, context) : value];
    }),
  );
}

class LambdaError extends Error {
  constructor(
    readonly errorName: string,
    readonly causeText: string,
  ) {
    super(errorName);
  }
}

interface Invocation {
  readonly fn: string;
  readonly event: unknown;
}

/** Runs the machine; `lambdas` answer each invocation (throw `LambdaError` to fail it, after retries). */
function execute(
  definition: Machine,
  input: unknown,
  lambdas: (fn: string, event: unknown) => unknown,
  calls: Invocation[],
  context: Json = {},
): { status: 'SUCCEEDED' | 'FAILED'; output: unknown; error?: string; cause?: string } {
  let name = definition.StartAt;
  let document = input;
  for (let steps = 0; steps < 100; steps++) {
    const state = definition.States[name]!;
    try {
      switch (state.Type) {
        case 'Task': {
          const fn = functionOfArn.get(state.Resource!)!;
          const event = state.Parameters ? fill(state.Parameters, document, context) : document;
          calls.push({ fn, event });
          document = write(document, state.ResultPath, lambdas(fn, event));
          break;
        }
        case 'Map': {
          const items = read(document, state.ItemsPath!) as unknown[];
          const results = items.map((value) => {
            const item = state.ItemSelector
              ? fill(state.ItemSelector, document, { Map: { Item: { Value: value } } })
              : value;
            const run = execute(state.ItemProcessor!, item, lambdas, calls);
            if (run.status === 'FAILED') throw new LambdaError(run.error!, run.cause!);
            return run.output;
          });
          document = write(document, state.ResultPath, results);
          break;
        }
        case 'Pass':
          document = write(
            document,
            state.ResultPath,
            state.Parameters ? fill(state.Parameters, document, context) : document,
          );
          break;
        case 'Choice': {
          const match = state.Choices!.find((choice) => holds(choice, document));
          name = match?.Next ?? state.Default!;
          continue;
        }
        case 'Succeed':
          return { status: 'SUCCEEDED', output: document };
        case 'Fail':
          return {
            status: 'FAILED',
            output: document,
            error: read(document, state.ErrorPath!) as string,
            cause: read(document, state.CausePath!) as string,
          };
        default:
          throw new Error(`state type ${state.Type} is not interpreted here`);
      }
    } catch (error) {
      if (!(error instanceof LambdaError)) throw error;
      const handler = state.Catch?.find(
        (entry) => entry.ErrorEquals.includes('States.ALL') || entry.ErrorEquals.includes(error.errorName),
      );
      if (!handler)
        return { status: 'FAILED', output: document, error: error.errorName, cause: error.causeText };
      document = write(document, handler.ResultPath, { Error: error.errorName, Cause: error.causeText });
      name = handler.Next;
      continue;
    }
    if (state.End) return { status: 'SUCCEEDED', output: document };
    name = state.Next!;
  }
  throw new Error('no end after 100 states');
}

const STAGED = {
  runId: '2026-11-30-daily-a1b2',
  asOf: '2026-11-30',
  reportType: 'daily',
  chunkIds: [0, 1, 2],
  taskCount: 20,
};

/** The functions a run of STAGED's three chunks calls first. */
const STAGE_AND_COMPUTE = ['stage-run', 'compute-chunk', 'compute-chunk', 'compute-chunk'];

/** Step results as the handlers return them (contracts.ts), for a run of `reportType`. */
function pipelineLambdas(reportType: string, failing?: { fn: string; error: LambdaError }) {
  return (fn: string, event: unknown): unknown => {
    if (failing?.fn === fn) throw failing.error;
    const runId = (event as { runId: string }).runId;
    switch (fn) {
      case 'stage-run':
        return { ...STAGED, runId, reportType };
      case 'compute-chunk':
        return { ...(event as Json), tasks: 7, ms: 1200 };
      case 'publish-report':
        return { runId, reportType, report: { pdfKey: 'reports/x.pdf' } };
      case 'email-report':
        return { runId, email: 'sent' };
      case 'finish-run':
        return { runId, status: 'succeeded' };
      case 'fail-run':
        return { runId, status: 'failed' };
      default:
        throw new Error(`unexpected function ${fn}`);
    }
  };
}

describe('definition', () => {
  it('is valid Amazon States Language (asl-validator)', () => {
    const result = validateAsl(machine);
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('Stage → Map over $.chunkIds (MaxConcurrency 40) → Publish → Daily? → Email → Finish → Succeed', () => {
    const s = machine.States;
    expect(machine.StartAt).toBe('Stage');
    expect(s.Stage).toMatchObject({ Type: 'Task', Next: 'Compute', Parameters: { 'runId.$': '$.runId' } });
    expect(s.Compute).toMatchObject({
      Type: 'Map',
      ItemsPath: '$.chunkIds',
      ItemSelector: { 'runId.$': '$.runId', 'chunkId.$': '$$.Map.Item.Value' },
      MaxConcurrency: 40,
      ResultPath: null,
      Next: 'Publish',
    });
    expect(s.Publish).toMatchObject({ Type: 'Task', Next: 'Daily?' });
    expect(s['Daily?']).toMatchObject({
      Type: 'Choice',
      Choices: [{ Variable: '$.reportType', StringEquals: 'daily', Next: 'Email' }],
      Default: 'Finish',
    });
    expect(s.Email).toMatchObject({ Type: 'Task', Next: 'Finish' });
    expect(s.Finish).toMatchObject({ Type: 'Task', Next: 'Run succeeded' });
    expect(s['Run succeeded']?.Type).toBe('Succeed');
  });

  it('every task retries service errors and task failures with backoff, except errors a retry cannot cure', () => {
    const tasks = allStates().filter(([, state]) => state.Type === 'Task');
    expect(tasks.map(([name]) => name).sort()).toEqual(
      ['ComputeChunk', 'Email', 'FailRun', 'Finish', 'Publish', 'Stage'].sort(),
    );
    for (const [name, task] of tasks) {
      const [noRetry, service, failed, ...rest] = task.Retry ?? [];
      expect(rest, name).toEqual([]);
      // Retriers match in order: the non-retryable names must come before States.TaskFailed.
      expect(noRetry, name).toEqual({ ErrorEquals: [...NON_RETRYABLE_ERRORS], MaxAttempts: 0 });
      expect(service, name).toMatchObject({
        ErrorEquals: [...LAMBDA_SERVICE_ERRORS],
        BackoffRate: 2,
        JitterStrategy: 'FULL',
      });
      expect(service!.MaxAttempts, name).toBeGreaterThanOrEqual(3);
      expect(failed, name).toMatchObject({
        ErrorEquals: ['States.TaskFailed'],
        BackoffRate: 2,
        JitterStrategy: 'FULL',
      });
      expect(failed!.MaxAttempts, name).toBeGreaterThanOrEqual(2);
    }
  });

  it('every step catches everything into its "<step> failed" state, which reads the error for FailRun, then Fail', () => {
    const steps = {
      Stage: 'stage',
      Compute: 'compute',
      Publish: 'publish',
      Email: 'email',
      Finish: 'finish',
    };
    for (const [state, step] of Object.entries(steps)) {
      expect(machine.States[state]?.Catch, state).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: `${step} failed` },
      ]);
      expect(machine.States[`${step} failed`]).toMatchObject({
        Type: 'Pass',
        Next: 'Lambda error?',
        Parameters: { step, 'runId.$': '$.runId', 'caught.$': '$.caught' },
      });
    }
    for (const shaper of ['Lambda error message', 'Service error message', 'Error name only']) {
      expect(machine.States[shaper], shaper).toMatchObject({ Type: 'Pass', Next: 'FailRun' });
    }
    expect(machine.States.FailRun).toMatchObject({ Next: 'Run failed', ResultPath: null });
    expect(machine.States.FailRun?.Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.failRunError', Next: 'Run failed' },
    ]);
    expect(machine.States['Run failed']?.Type).toBe('Fail');
  });

  it('the non-retryable list names every *InputError class in functions/ and the contract’s two', () => {
    const names = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) scan(path);
        else if (entry.name.endsWith('.ts')) {
          for (const match of readFileSync(path, 'utf8').matchAll(/name = '(\w+InputError)'/g))
            names.add(match[1]!);
        }
      }
    };
    scan(join(PROJECT_ROOT, 'functions'));
    expect(names.size).toBeGreaterThan(0);
    expect([...NON_RETRYABLE_ERRORS]).toEqual(
      expect.arrayContaining([...names, 'NoPositionsError', 'NoActiveParamsError']),
    );
  });
});

describe('walk-through', () => {
  it('a daily run: stage, one compute per chunk with { runId, chunkId }, publish, email, finish', () => {
    const calls: Invocation[] = [];
    const run = execute(machine, { runId: STAGED.runId }, pipelineLambdas('daily'), calls);
    expect(run.status).toBe('SUCCEEDED');
    expect(calls).toEqual([
      { fn: 'stage-run', event: { runId: STAGED.runId } },
      { fn: 'compute-chunk', event: { runId: STAGED.runId, chunkId: 0 } },
      { fn: 'compute-chunk', event: { runId: STAGED.runId, chunkId: 1 } },
      { fn: 'compute-chunk', event: { runId: STAGED.runId, chunkId: 2 } },
      { fn: 'publish-report', event: { runId: STAGED.runId } },
      { fn: 'email-report', event: { runId: STAGED.runId } },
      { fn: 'finish-run', event: { runId: STAGED.runId } },
    ]);
  });

  it('an on-demand run is not emailed', () => {
    const calls: Invocation[] = [];
    const run = execute(machine, { runId: 'r-adhoc' }, pipelineLambdas('on-demand'), calls);
    expect(run.status).toBe('SUCCEEDED');
    expect(calls.map((call) => call.fn)).toEqual([...STAGE_AND_COMPUTE, 'publish-report', 'finish-run']);
  });

  it('a failing chunk: FailRun gets { runId, step: compute, error }, nothing is published, the execution fails with the error', () => {
    const calls: Invocation[] = [];
    // A Lambda error's Cause as Step Functions passes it on: the runtime's JSON, trace included.
    const cause = JSON.stringify({
      errorType: 'StagedObjectMissingError',
      errorMessage: 'run r1: staged book is missing',
      trace: [
        'StagedObjectMissingError: run r1: staged book is missing',
        '    at getText (file:///var/task/index.mjs:1:2)',
      ],
    });
    const run = execute(
      machine,
      { runId: 'r1' },
      pipelineLambdas('daily', {
        fn: 'compute-chunk',
        error: new LambdaError('StagedObjectMissingError', cause),
      }),
      calls,
    );
    expect(calls.map((call) => call.fn)).toEqual(['stage-run', 'compute-chunk', 'fail-run']);
    expect(calls.at(-1)?.event).toEqual({
      runId: 'r1',
      step: 'compute',
      error: { name: 'StagedObjectMissingError', message: 'run r1: staged book is missing' },
    });
    expect(run).toMatchObject({
      status: 'FAILED',
      error: 'StagedObjectMissingError',
      cause: 'run r1: staged book is missing',
    });
  });

  it('a service error (a task timed out) reaches FailRun with its text cause as the message', () => {
    const calls: Invocation[] = [];
    const cause = 'Task timed out after 300.00 seconds';
    execute(
      machine,
      { runId: 'r4' },
      pipelineLambdas('daily', { fn: 'publish-report', error: new LambdaError('States.Timeout', cause) }),
      calls,
    );
    expect(calls.at(-1)).toEqual({
      fn: 'fail-run',
      event: { runId: 'r4', step: 'publish', error: { name: 'States.Timeout', message: cause } },
    });
  });

  it('a failing email step fails the run through FailRun with step email; finish never runs', () => {
    const calls: Invocation[] = [];
    const run = execute(
      machine,
      { runId: 'r2' },
      pipelineLambdas('daily', {
        fn: 'email-report',
        error: new LambdaError('ReportDeliveryError', 'rejected'),
      }),
      calls,
    );
    expect(calls.map((call) => call.fn)).toEqual([
      ...STAGE_AND_COMPUTE,
      'publish-report',
      'email-report',
      'fail-run',
    ]);
    expect(calls.at(-1)?.event).toMatchObject({ step: 'email', error: { name: 'ReportDeliveryError' } });
    expect(run.status).toBe('FAILED');
  });

  it('FailRun failing still ends the execution in the Fail state with the original error', () => {
    const lambdas = pipelineLambdas('daily', {
      fn: 'stage-run',
      error: new LambdaError('NoPositionsError', 'no positions'),
    });
    const run = execute(
      machine,
      { runId: 'r3' },
      (fn, event) => {
        if (fn === 'fail-run') throw new LambdaError('Lambda.ServiceException', 'down');
        return lambdas(fn, event);
      },
      [],
    );
    expect(run).toMatchObject({ status: 'FAILED', error: 'NoPositionsError', cause: 'no positions' });
  });
});

describe('state machine resource and defaults', () => {
  it('STANDARD, traced, logging ALL events with execution data', () => {
    synth.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: true },
    });
  });

  it('default schedule: 00:30 every day in UTC; dev reports locked for one day', () => {
    synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 0 * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
    });
    synth.template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1 } } },
    });
  });
});
