/**
 * Runs the `marginfall` command as a user would — a separate Node process started from
 * functions/cli/marginfall.mjs (the package.json "bin") — in a throw-away working directory, and
 * captures stdout (as bytes and text), stderr and the exit code.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_ENTRY = fileURLToPath(new URL('../../functions/cli/marginfall.mjs', import.meta.url));

/** Absolute path of a file under test/fixtures/spec/. */
export function specFixturePath(relativePath: string): string {
  return fileURLToPath(new URL(`../fixtures/spec/${relativePath}`, import.meta.url));
}

export interface CliRun {
  /** Exit code; null when the process was ended by a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdoutBytes: Buffer;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Working directory of the process. */
  readonly cwd: string;
  /** Close our end of the stdout pipe at once, as `marginfall … | head -c0` would. */
  readonly closeStdout?: boolean;
  /** A run still going after this long is killed and the promise rejects (a hang is a failure). */
  readonly timeoutMs?: number;
}

// Below vitest's 60 s test timeout, so that a hang fails with the command line in the message.
const DEFAULT_TIMEOUT_MS = 55_000;

/** Runs `file args…` and resolves when it exits, whatever the exit code. */
export function runCommand(file: string, args: readonly string[], options: RunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} ${args.join(' ')} still running after ${timeoutMs} ms: killed`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(stdout);
      resolve({
        code,
        signal,
        stdoutBytes,
        stdout: stdoutBytes.toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** `node functions/cli/marginfall.mjs args…` in `options.cwd`. */
export function runMarginfall(args: readonly string[], options: RunOptions): Promise<CliRun> {
  return runCommand(process.execPath, [CLI_ENTRY, ...args], options);
}

/** A fresh temporary directory to run the command in and to hold its input and output files. */
export interface Workspace {
  readonly dir: string;
  /** Absolute path of `name` inside the workspace. */
  path(name: string): string;
  /** Writes `text` as `name` and returns its absolute path. */
  writeText(name: string, text: string): Promise<string>;
  /** Writes `value` as two-space-indented JSON and returns its absolute path. */
  writeJson(name: string, value: unknown): Promise<string>;
  run(args: readonly string[], options?: Omit<RunOptions, 'cwd'>): Promise<CliRun>;
  remove(): Promise<void>;
}

export async function createWorkspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'marginfall-cli-'));
  const path = (name: string) => join(dir, name);
  const writeText = async (name: string, text: string) => {
    await writeFile(path(name), text);
    return path(name);
  };
  return {
    dir,
    path,
    writeText,
    writeJson: (name, value) => writeText(name, `${JSON.stringify(value, null, 2)}\n`),
    run: (args, options = {}) => runMarginfall(args, { ...options, cwd: dir }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The lines of a stack trace ("    at fn (file:line:col)") in `text`; none is the only right answer. */
export function stackFrames(text: string): string[] {
  return text.split('\n').filter((line) => /^\s+at\s/.test(line));
}
