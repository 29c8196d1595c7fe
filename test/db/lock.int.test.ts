import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { takeWarehouseLock, tryWarehouseLock, WarehouseBusyError } from '../../src/db/lock.ts';
import { createPool } from '../../src/db/pool.ts';

let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/**
 * Ends every session holding an advisory lock in this database, as a killed run's would end.
 * pg_terminate_backend alone only signals: the backend, and its locks, may outlive the call,
 * so the next lock attempt raced it. The timeout makes it wait for the backend to exit.
 */
async function terminateLockHolders(): Promise<void> {
  const { rows } = await db.pool.query<{ ended: boolean }>(
    `select pg_terminate_backend(pid, 10000) as ended from pg_locks where locktype = 'advisory' and granted and pid <> pg_backend_pid() and database = (select oid from pg_database where datname = current_database())`,
  );
  expect(rows.map((row) => row.ended)).toEqual([true]);
}

describe('the extract lock', () => {
  it('is held by one session at a time, and freed by release or by the session ending', async () => {
    const other = createPool(db.url, 2);
    const first = await tryWarehouseLock(db.pool);
    expect(first).not.toBeNull();
    expect(await tryWarehouseLock(other)).toBeNull();
    await first!.release();
    const second = await tryWarehouseLock(other);
    expect(second).not.toBeNull();
    // The holder's connection dies without unlocking, as a killed run's would.
    await terminateLockHolders();
    await second!.release();
    await other.end();
    const third = await tryWarehouseLock(db.pool);
    expect(third).not.toBeNull();
    await third!.release();
  });

  it('reports a lost session through `lost`, and not a released one', async () => {
    const watched = createPool(db.url, 2);
    const lock = (await tryWarehouseLock(watched))!;
    const outcome = lock.lost.then(() => 'resolved', (error: Error & { code?: string }) => error.code);
    await terminateLockHolders();
    expect(await outcome).toBe('57P01'); // terminating connection due to administrator command
    await lock.release();

    const kept = (await tryWarehouseLock(watched))!;
    let lost = false;
    kept.lost.catch(() => void (lost = true));
    await kept.release();
    await watched.end(); // the released session ends with the pool: not a loss
    expect(lost).toBe(false);
  });
});


describe('the busy message', () => {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const since = (message: string) => Date.parse(`${/since (\S+ \S+) UTC/.exec(message)![1]!.replace(' ', 'T')}Z`);

  it('names the holder: command, pid and host of the elt holding the lock, since when and for how long', async () => {
    const holder = createPool(db.url, 2);
    const other = createPool(db.url, 2);
    const taken = Date.now();
    const lock = await takeWarehouseLock(holder, 'run');
    const refused = await takeWarehouseLock(other, 'extract').then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(WarehouseBusyError);
    const message = (refused as Error).message;
    expect(message).toMatch(
      new RegExp(`^the warehouse is busy: elt run \\(pid ${process.pid} on host ${escape(hostname())}\\) has held it since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(\\d+ s\\): try again when it ends$`),
    );
    // Seconds: the time the lock was taken (within a clock skew's margin).
    expect(Math.abs(since(message) - taken)).toBeLessThan(60_000);
    expect(await tryWarehouseLock(other)).toBeNull();
    await lock.release();
    // Released, the session gets its pool's name back; the lock is free for the other.
    expect((await holder.query(`select current_setting('application_name') as name`)).rows[0].name).toBe('odoo-elt');
    const next = await takeWarehouseLock(other, 'transform');
    await next.release();
    await Promise.all([holder.end(), other.end()]);
  });

  it('without the right to see the holder\'s activity, still names it by what everyone may see', async () => {
    const role = `elt_lock_${randomBytes(4).toString('hex')}`;
    await db.pool.query(`create role ${role} login password 'Lock-Viewer-9'`);
    const url = new URL(db.url);
    url.username = role;
    url.password = 'Lock-Viewer-9';
    const holder = createPool(db.url, 2);
    const viewer = createPool(url.toString(), 2);
    try {
      const lock = await takeWarehouseLock(holder, 'transform');
      const refused = await takeWarehouseLock(viewer).then(() => null, (error: unknown) => error);
      // pg_stat_activity shows another role's application_name, not its times: no "since".
      expect((refused as Error).message).toBe(`the warehouse is busy: elt transform (pid ${process.pid} on host ${hostname()}) holds it: try again when it ends`);
      await lock.release();
      // Not an elt: PostgreSQL's pid, and the session's application_name.
      const psql = await db.pool.connect();
      await psql.query(`set application_name = 'psql'; select pg_advisory_lock(${0x656c74}, 1)`);
      const backend = (await psql.query('select pg_backend_pid() as pid')).rows[0].pid as number;
      const stranger = await takeWarehouseLock(holder).then(() => null, (error: unknown) => error);
      expect((stranger as Error).message).toMatch(
        new RegExp(`^the warehouse is busy: another session \\(pid ${backend} in PostgreSQL, application_name psql\\) has held it since [-0-9]+ [:0-9]+ UTC \\(\\d+ s\\): try again when it ends$`),
      );
      psql.release(true);
    } finally {
      await Promise.all([holder.end(), viewer.end()]);
      await db.pool.query(`drop role ${role}`);
    }
  });
});
