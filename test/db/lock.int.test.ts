import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { tryWarehouseLock } from '../../src/db/lock.ts';
import { createPool } from '../../src/db/pool.ts';

let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

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
    await db.pool.query(`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted and pid <> pg_backend_pid() and database = (select oid from pg_database where datname = current_database())`);
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
    await db.pool.query(`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted and pid <> pg_backend_pid() and database = (select oid from pg_database where datname = current_database())`);
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

