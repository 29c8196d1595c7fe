import pg from 'pg';

/**
 * One pool per process. Odoo datetimes are naive UTC, so `timestamp without
 * time zone` values come back as plain strings and never pass through the
 * machine's local time zone.
 */
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** Every open client of each pool, so severPool can cut them all. */
const openClients = new WeakMap<pg.Pool, Set<pg.PoolClient>>();
const severed = new WeakSet<pg.Pool>();
/** Clients severPool leaves open (keepOnSever). */
const kept = new WeakSet<pg.PoolClient>();

export interface PoolOptions {
  /**
   * How long to wait for a connection (and for a free one in the pool) before
   * failing: a server that accepts TCP but never answers must not hang a
   * scheduled run. Default: libpq's PGCONNECT_TIMEOUT (seconds), else 30 s.
   */
  readonly connectTimeoutMs?: number;
}

export function createPool(connectionString: string | undefined, max = 10, options: PoolOptions = {}): pg.Pool {
  // With no URL, pg reads the libpq PG* variables itself.
  const connectionTimeoutMillis = options.connectTimeoutMs ?? defaultConnectTimeoutMs();
  const pool = new pg.Pool({ connectionString, max, application_name: 'odoo-elt', connectionTimeoutMillis });
  const clients = new Set<pg.PoolClient>();
  openClients.set(pool, clients);
  // A server that goes away (restart, pg_terminate_backend, network) makes each client emit
  // 'error': pg-pool listens only while the client is idle, and an unheard 'error' event
  // would crash the process with a stack trace. The failed query reports it instead.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    clients.add(client);
    client.once('end', () => clients.delete(client));
    if (severed.has(pool)) client.end().catch(() => {});
  });
  return pool;
}

/** PGCONNECT_TIMEOUT as libpq reads it (seconds; 0 waits forever, below 2 counts as 2), else 30 s. */
export function defaultConnectTimeoutMs(source: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number.parseInt(source.PGCONNECT_TIMEOUT ?? '', 10);
  if (Number.isNaN(seconds) || seconds < 0) return 30_000;
  return seconds === 0 ? 0 : Math.max(2, seconds) * 1000;
}

/**
 * Closes every connection of the pool, idle or busy, and every one it opens
 * from now on: open transactions roll back, queries fail. For a run that lost
 * its lock: nothing it still has in flight may commit. `pool.end()` still
 * works afterwards.
 */
export function severPool(pool: pg.Pool): void {
  severed.add(pool);
  for (const client of openClients.get(pool) ?? []) if (!kept.has(client)) client.end().catch(() => {});
}

/**
 * Leaves `client` open when its pool is severed, until the returned function
 * is called: the warehouse lock's session, so a run stopped by its caller
 * unlocks before it returns instead of leaving the lock to a dying backend.
 */
export function keepOnSever(client: pg.PoolClient): () => void {
  kept.add(client);
  return () => void kept.delete(client);
}

/** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
