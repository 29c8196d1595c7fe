/**
 * The demo's warehouse: PGlite (PostgreSQL compiled to WebAssembly, in this
 * process) kept in a folder, served over PostgreSQL's wire protocol by
 * pglite-socket on a free loopback port, so the demo runs the very same `pg`
 * code path as a real server.
 *
 * What differs from a real server, and how the demo lives with it:
 * - PGlite is one session. pglite-socket multiplexes connections onto it
 *   (`maxConnections`), one wire message at a time, and while a connection is
 *   inside a transaction it runs only that connection's messages. So
 *   connections share session state (advisory locks are re-entrant between
 *   them, temp tables are shared), and two connections querying at once get
 *   their extended-protocol messages interleaved: tried with extract
 *   concurrency 4, streams failed with `unnamed prepared statement does not
 *   exist` and the run hung. Hence the demo's pool of 2 (elt's warehouse lock
 *   holds one connection, idle while the work runs on the other) and one
 *   stream at a time; the migrator's own connection runs while the lock's
 *   sits idle. The demo's lock file keeps a second `elt demo` out.
 * - No `COPY ... FROM STDIN` (see PoolOptions.copyFromStdin).
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DemoError } from './demo-error.ts';

export interface EmbeddedPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  readonly url: string;
  close(): Promise<void>;
}

/** Room for the pool (lock + work), the migrator's connection and one spare. */
const MAX_CONNECTIONS = 4;

/** Opens (or creates) the database in `dataDir` and serves it on 127.0.0.1. */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir });
  } catch (error) {
    // A demo killed while PGlite was writing can leave files it cannot read back.
    throw new DemoError(`the demo database in ${dataDir} cannot be opened (${error instanceof Error ? error.message : String(error)}): delete its folder to start over`);
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async close() {
      await server.stop();
      await db.close(); // flushes the database to dataDir
    },
  };
}
