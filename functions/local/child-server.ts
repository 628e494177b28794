/**
 * Runs a local server as a child process: start it on a port the OS picks, read the port back
 * from the line it prints when listening, stop it cleanly. Shared by the embedded S3 and SES
 * servers.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface ChildServer {
  readonly child: ChildProcess;
  readonly port: number;
}

/**
 * Spawns `node [nodeArgs] script [args]` and resolves once its output matches `listening`,
 * whose named group `port` holds the port. Rejects (and kills the child) if it exits first or
 * stays silent for `timeoutMs`.
 */
export async function startChildServer(options: {
  readonly script: string;
  readonly args: readonly string[];
  readonly nodeArgs?: readonly string[];
  readonly listening: RegExp;
  readonly timeoutMs: number;
}): Promise<ChildServer> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script, ...options.args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const port = await waitForStartLine(child, options.listening, options.timeoutMs);
    return { child, port };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/**
 * Resolves with the port once the child's output (stdout or stderr) matches `pattern`: its named
 * group `port`, or else its first group. Rejects if the child exits first or stays silent for
 * `timeoutMs`; the caller stops the child then. Works for any child process, node or not.
 */
export function waitForStartLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = pattern.exec(output);
      if (match) {
        finish();
        resolve(Number(match.groups?.port ?? match[1]));
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      finish();
      reject(
        new Error(`server exited before it was ready (code ${code}, signal ${signal}): ${output.trim()}`),
      );
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`server not ready within ${timeoutMs} ms: ${output.trim()}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining the pipes: a chatty server must never block on a full pipe buffer.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** SIGTERM, then SIGKILL if the child is still alive after 5 s; resolves once it has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
