/**
 * DynamoDB-compatible servers for tests, benchmarks and the local mode.
 *
 * - dynalite 4.0.0 (pure JavaScript, LevelDB in memory or on disk): in this process, or as a
 *   child process so that its CPU and memory are not the caller's (benchmarks, `npm start`).
 *   Tables become ACTIVE at once (`createTableMs: 0`).
 * - AWS DynamoDB Local 1.25.1 (the reference emulator, Java), when `java` is installed: the
 *   emulator is `package/emulator/` of `npm pack amplify-dynamodb-simulator@2.9.30` (from the npm
 *   cache, else the npm registry — the only network the project uses), extracted once under
 *   `.marginfall/dynamodb-local/` (ignored by git). The package is never installed as a
 *   dependency (it would pull 283 packages). When npm cannot fetch it, `locateDynamoDbLocal`
 *   says so. It runs in memory with `-sharedDb` (otherwise tables are per access key and region).
 *
 * Neither server checks request signatures; `LOCAL_DYNAMODB_CREDENTIALS` are accepted by both.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChild, waitForStartLine } from './child-server.js';
import { closeOnce, listenOnLoopback } from './http-listener.js';

export type LocalDynamoDbKind = 'dynalite' | 'dynamodb-local';

export interface LocalDynamoDb {
  readonly kind: LocalDynamoDbKind;
  /** Base URL for the SDK's `endpoint`, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  readonly port: number;
  /** The server's process id when it runs as a child process (to measure its memory). */
  readonly pid?: number;
  /** Stops the server; idempotent. */
  stop(): Promise<void>;
}

/** Any key pair works: neither local server verifies signatures. */
export const LOCAL_DYNAMODB_CREDENTIALS = { accessKeyId: 'marginfall', secretAccessKey: 'local' } as const;

export interface DynaliteOptions {
  /** `in-process` (default: fastest start, shares this event loop) or `child`. */
  readonly mode?: 'in-process' | 'child';
  /** 0 (default) = a free port chosen by the OS. */
  readonly port?: number;
  /** LevelDB directory; default: in memory. */
  readonly path?: string;
  readonly startTimeoutMs?: number;
}

type DynaliteFactory = (options: Record<string, unknown>) => Server;

const DYNALITE_OPTIONS = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };

export async function startDynalite(options: DynaliteOptions = {}): Promise<LocalDynamoDb> {
  const settings = { ...DYNALITE_OPTIONS, ...(options.path === undefined ? {} : { path: options.path }) };
  const require = createRequire(import.meta.url);
  if (options.mode === 'child') {
    const script = [
      `const server = require(${JSON.stringify(require.resolve('dynalite'))})(${JSON.stringify(settings)});`,
      `server.listen(${options.port ?? 0}, '127.0.0.1', () => console.log('dynalite listening on port ' + server.address().port));`,
      `process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });`,
    ].join('\n');
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const port = await waitForStartLine(
        child,
        /dynalite listening on port (\d+)/,
        options.startTimeoutMs ?? 15_000,
      );
      return childServer('dynalite', port, child);
    } catch (error) {
      await stopChild(child);
      throw error;
    }
  }
  const dynalite = require('dynalite') as DynaliteFactory;
  const server = dynalite(settings);
  const port = await listenOnLoopback(server, options.port ?? 0);
  return { kind: 'dynalite', endpoint: `http://127.0.0.1:${port}`, port, stop: closeOnce(server) };
}

// ---------------------------------------------------------------------------------------------
// DynamoDB Local

export const DYNAMODB_LOCAL_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const EMULATOR_FOLDER = 'emulator-1.25.1';

/** Where the extracted emulator is kept: `<repo>/.marginfall/dynamodb-local/` (ignored by git). */
export const DEFAULT_DYNAMODB_LOCAL_CACHE = fileURLToPath(
  new URL('../../.marginfall/dynamodb-local/', import.meta.url),
);

export type DynamoDbLocalAvailability =
  | { readonly available: true; readonly java: string; readonly emulatorDir: string }
  | { readonly available: false; readonly reason: string };

export interface LocateDynamoDbLocalOptions {
  /** Folder holding the extracted emulator (default `DEFAULT_DYNAMODB_LOCAL_CACHE`). */
  readonly cacheDir?: string;
  /** The Java launcher (default `java` on the PATH). */
  readonly java?: string;
}

/**
 * Finds Java and the emulator, fetching it with npm (cache first, then the registry) and
 * extracting it on first use. Never throws: when something is missing, says what and why.
 */
export async function locateDynamoDbLocal(
  options: LocateDynamoDbLocalOptions = {},
): Promise<DynamoDbLocalAvailability> {
  const java = options.java ?? 'java';
  const probe = spawnSync(java, ['-version'], { stdio: 'ignore', timeout: 30_000 });
  if (probe.error || probe.status !== 0) {
    return {
      available: false,
      reason: `Java is not available (${java} -version failed): DynamoDB Local needs a JRE`,
    };
  }
  const cacheDir = options.cacheDir ?? DEFAULT_DYNAMODB_LOCAL_CACHE;
  const emulatorDir = join(cacheDir, EMULATOR_FOLDER);
  if (existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) return { available: true, java, emulatorDir };

  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(cacheDir, 'extract-'));
  try {
    const pack = spawnSync(
      'npm',
      ['pack', DYNAMODB_LOCAL_PACKAGE, '--prefer-offline', '--silent', '--pack-destination', work],
      {
        encoding: 'utf8',
        timeout: 180_000,
      },
    );
    const tarball = (await readdir(work)).find((file) => file.endsWith('.tgz'));
    if (pack.status !== 0 || tarball === undefined) {
      return {
        available: false,
        reason: `npm could not fetch ${DYNAMODB_LOCAL_PACKAGE} (neither in the npm cache nor from the registry): ${(pack.stderr || String(pack.error ?? '')).trim().split('\n')[0] ?? ''}`,
      };
    }
    const untar = spawnSync('tar', ['-xzf', join(work, tarball), '-C', work, 'package/emulator'], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (untar.status !== 0) {
      return {
        available: false,
        reason: `cannot extract the emulator from ${tarball}: ${untar.stderr || untar.error}`,
      };
    }
    try {
      await rename(join(work, 'package', 'emulator'), emulatorDir);
    } catch (error) {
      // Another process extracted it first: use theirs.
      if (!existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) throw error;
    }
    return { available: true, java, emulatorDir };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface DynamoDbLocalOptions {
  readonly java: string;
  readonly emulatorDir: string;
  /** 0 (default) = a free port. */
  readonly port?: number;
  readonly startTimeoutMs?: number;
}

/** Starts DynamoDB Local in memory (`-inMemory -sharedDb`) in a temporary working directory. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<LocalDynamoDb> {
  const port = options.port || (await freePort());
  const cwd = await mkdtemp(join(tmpdir(), 'marginfall-ddb-local-'));
  const child = spawn(
    options.java,
    [
      '-XX:-UsePerfData',
      `-Djava.library.path=${join(options.emulatorDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(options.emulatorDir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-sharedDb',
      '-port',
      String(port),
    ],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' } },
  );
  const cleanUp = () => stopChild(child).then(() => rm(cwd, { recursive: true, force: true }));
  try {
    await waitForStartLine(child, /Port:\s*(\d+)/, options.startTimeoutMs ?? 30_000);
    await waitForTcp(port, options.startTimeoutMs ?? 30_000);
    const server = childServer('dynamodb-local', port, child);
    let stopped: Promise<void> | undefined;
    return {
      ...server,
      stop: () => {
        stopped ??= cleanUp();
        return stopped;
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes

function childServer(kind: LocalDynamoDbKind, port: number, child: ChildProcess): LocalDynamoDb {
  let stopped: Promise<void> | undefined;
  return {
    kind,
    endpoint: `http://127.0.0.1:${port}`,
    port,
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    stop: () => {
      stopped ??= stopChild(child);
      return stopped;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForTcp(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
