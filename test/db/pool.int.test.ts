import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { createServer, type Server, type Socket } from 'node:net';
import { createPool, defaultConnectTimeoutMs, inTransaction, keepOnSever, severPool } from '../../src/db/pool.ts';
import { runCliInProcess } from '../support/cli.ts';

let db: FreshDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await db.pool.query('create table pool_probe (v int)');
});
afterAll(async () => {
  await db?.drop();
});

describe('the warehouse pool', () => {
  it('survives the server dropping a checked-out client between queries; that client\'s next query fails', async () => {
    const pool = createPool(db.url, 2);
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const ended = new Promise((resolve) => client.once('end', resolve));
    // No query is running on it: pg emits 'error' on the client, which pg-pool does not
    // listen to while the client is checked out. Unheard, it would crash the process.
    await db.pool.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
    await ended;
    await expect(client.query('select 1')).rejects.toThrow(/terminat|not queryable/);
    client.release(true);
    expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });

  it('severPool cuts busy and idle connections and every new one: nothing in flight commits', async () => {
    const pool = createPool(db.url, 3);
    await pool.query('select 1'); // one idle connection
    const writing = inTransaction(pool, async (client) => {
      await client.query('insert into pool_probe values (1)');
      await client.query('select pg_sleep(30)');
    });
    while ((await db.pool.query(`select 1 from pg_stat_activity where query = 'select pg_sleep(30)' and state = 'active'`)).rowCount === 0);
    severPool(pool);
    await expect(writing).rejects.toThrow(/Connection terminated/); // at once, not after the sleep
    await expect(pool.query('select 1')).rejects.toThrow();
    const { rows } = await db.pool.query('select count(*)::int as n from pool_probe');
    expect(rows[0].n).toBe(0);
    await pool.end();
  });

  it('severPool leaves a client kept by keepOnSever open (the lock\'s session, to unlock), and cuts it once no longer kept', async () => {
    const pool = createPool(db.url, 3);
    const kept = await pool.connect();
    const other = await pool.connect();
    const unkeep = keepOnSever(kept);
    severPool(pool);
    await expect(other.query('select 1')).rejects.toThrow();
    expect((await kept.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    unkeep();
    severPool(pool);
    await expect(kept.query('select 1')).rejects.toThrow();
    kept.release(true);
    other.release(true);
    await pool.end();
  });

  it('a server that accepts but never answers fails the connection after the timeout instead of hanging', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const pool = createPool(`postgres://elt@127.0.0.1:${port}/warehouse`, 1, { connectTimeoutMs: 300 });
      await expect(pool.query('select 1')).rejects.toThrow(/timeout/i);
      await pool.end();
      const outcome = await runCliInProcess(['extract'], {
        ODOO_URL: 'http://127.0.0.1:1', ODOO_DB: 'odoo', ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin',
        DATABASE_URL: `postgres://elt@127.0.0.1:${port}/warehouse`, PGCONNECT_TIMEOUT: '2', LOG_LEVEL: 'silent',
      }, process.cwd());
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(/^elt extract: cannot reach the warehouse database: .*timeout.* \(check DATABASE_URL\)\n$/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('reads PGCONNECT_TIMEOUT as libpq does', () => {
    expect(defaultConnectTimeoutMs({})).toBe(30_000);
    expect(defaultConnectTimeoutMs({ PGCONNECT_TIMEOUT: '10' })).toBe(10_000);
    expect(defaultConnectTimeoutMs({ PGCONNECT_TIMEOUT: '1' })).toBe(2_000);
    expect(defaultConnectTimeoutMs({ PGCONNECT_TIMEOUT: '0' })).toBe(0);
    expect(defaultConnectTimeoutMs({ PGCONNECT_TIMEOUT: 'soon' })).toBe(30_000);
  });
});
