/**
 * Which PostgreSQL the integration tests run against, in this order:
 * 1. TEST_DATABASE_URL: a server of the caller's own (nothing is started);
 * 2. a container engine that answers: a testcontainers PostgreSQL (CI, over podman);
 * 3. otherwise an embedded PostgreSQL (src/db/embedded-postgres.ts), so `npm test`
 *    passes on a fresh clone with nothing installed.
 * ELT_TEST_DB=container or embedded forces one path (.ci/run forces the container:
 * a CI run must not pass on the fallback unnoticed).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { getContainerRuntimeClient, Wait } from 'testcontainers';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { redactUrl } from './database-names.ts';

export interface TestServer {
  adminUrl: string;
  /** One line for the run's first line: which server and why. */
  description: string;
  /** True for a server of the caller's: tidy up what the run made, never stop it. */
  external: boolean;
  stop(): Promise<void>;
}

/** A throwaway server: durability only costs time. Room for many files' pools at once. */
const SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' };

export async function startTestServer(log: (line: string) => void): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { adminUrl: external, description: `TEST_DATABASE_URL (${redactUrl(external)})`, external: true, stop: async () => {} };
  const forced = process.env.ELT_TEST_DB;
  if (forced !== undefined && forced !== '' && forced !== 'container' && forced !== 'embedded') {
    throw new Error(`ELT_TEST_DB must be container or embedded, got "${forced}"`);
  }
  if (forced === 'container') return startContainer();
  if (forced !== 'embedded') {
    const engine = await containerEngine();
    if (!engine.ok) {
      log(`no container engine answers (${engine.reason}): using an embedded PostgreSQL`);
    } else {
      try {
        return await startContainer();
      } catch (error) {
        log(`!!! a container engine answers but ${error instanceof Error ? error.message : String(error)}: falling back to an embedded PostgreSQL`);
      }
    }
  }
  return startEmbedded();
}

/** Whether testcontainers finds an engine, within a bound: a dead DOCKER_HOST must not hang the run. */
async function containerEngine(): Promise<{ ok: true } | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 15 s')), 15_000);
  });
  try {
    await Promise.race([getContainerRuntimeClient(), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function startEmbedded(): Promise<TestServer> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'elt-test-pg-'));
  // As root the server runs as an unprivileged user, which must reach its folder.
  chmodSync(dir, 0o755);
  try {
    const server = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), settings: SETTINGS });
    return {
      adminUrl: server.url,
      description: `an embedded PostgreSQL on 127.0.0.1:${server.port}, started in ${Date.now() - started} ms`,
      external: false,
      async stop() {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Podman (the CI machines) needs slirp4netns networking: its default bridge does
 * not work there. Detected from the socket path or ELT_TEST_PODMAN=1 (.ci/run).
 */
function overPodman(): boolean {
  return process.env.ELT_TEST_PODMAN === '1' || /podman/i.test(process.env.DOCKER_HOST ?? '');
}

/** An engine on this machine (no DOCKER_HOST, or a unix socket) can publish on loopback only. */
function localEngine(): boolean {
  const host = process.env.DOCKER_HOST;
  return host === undefined || host === '' || host.startsWith('unix://');
}

/** testcontainers publishes on every interface; this binds the published ports to 127.0.0.1. */
class LoopbackPostgreSqlContainer extends PostgreSqlContainer {
  protected override async beforeContainerCreated(): Promise<void> {
    const bindings = this.hostConfig.PortBindings as Record<string, Array<{ HostIp?: string; HostPort?: string }>>;
    for (const list of Object.values(bindings ?? {})) {
      for (const binding of list) binding.HostIp = '127.0.0.1';
    }
  }
}

async function startContainer(): Promise<TestServer> {
  const loopback = localEngine();
  // Ports bound to 127.0.0.1 must be dialled there, not at a gateway address
  // testcontainers guesses when it finds itself inside a container.
  if (loopback) process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
  const image = process.env.ELT_TEST_PG_IMAGE ?? 'postgres:15';
  let container = (loopback ? new LoopbackPostgreSqlContainer(image) : new PostgreSqlContainer(image))
    .withDatabase('postgres')
    .withUsername('postgres')
    .withPassword('postgres')
    .withCommand(['postgres', ...Object.entries(SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`])])
    // The entrypoint's socket-only init server logs "ready" first, the real one second;
    // podman without systemd never runs the image's HEALTHCHECK, so the log is the signal.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(60_000);
  if (overPodman()) container = container.withNetworkMode('slirp4netns');

  const started = Date.now();
  let running: StartedPostgreSqlContainer;
  try {
    running = await container.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `could not start a PostgreSQL container (${reason}); set TEST_DATABASE_URL to use a running server, or ELT_TEST_DB=embedded`,
      { cause: error },
    );
  }
  return {
    adminUrl: running.getConnectionUri(),
    description: `testcontainers: ${image} on ${running.getHost()}:${running.getPort()}, started in ${Date.now() - started} ms`,
    external: false,
    // Killed, not shut down: nothing in a throwaway server is worth a clean checkpoint.
    stop: async () => void (await running.stop({ timeout: 0 })),
  };
}
