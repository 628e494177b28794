/** The in-process launcher: runs in the background, once per run id, and `whenIdle` waits for all of them. */
import { expect, it } from 'vitest';
import { InProcessRunLauncher } from '../../../functions/adapters/in-process-run-launcher.js';
import type { RunState } from '../../../functions/core/pipeline/contracts.js';

const queued = (runId: string) => ({ runId }) as RunState;

it('returns from launch at once, starts a run id once, and waits for runs launched meanwhile', async () => {
  const started: string[] = [];
  const errors: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const launcher = new InProcessRunLauncher({
    run: async (runId) => {
      started.push(runId);
      if (runId === 'a') {
        await gate;
        await launcher.launch(queued('b')); // a run that starts another one
      }
      if (runId === 'c') throw new Error('broken deps');
      return { runId, status: 'succeeded' } as RunState;
    },
    onError: (runId, error) => errors.push(`${runId}: ${(error as Error).message}`),
  });
  await launcher.launch(queued('a'));
  await launcher.launch(queued('a'));
  await launcher.launch(queued('c'));
  expect(launcher.finished.size).toBe(0);
  let idle = false;
  const waiting = launcher.whenIdle().then(() => {
    idle = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(idle).toBe(false);
  release();
  await waiting;
  expect(started).toEqual(['a', 'c', 'b']);
  expect([...launcher.finished.keys()].sort()).toEqual(['a', 'b']);
  expect(errors).toEqual(['c: broken deps']);
});
