/**
 * The landing fallback for a server without COPY FROM STDIN (PGlite under
 * `elt demo`), run here on real PostgreSQL side by side with COPY: the same
 * rows, hashes and change counts, on first load and on a merge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { ensureRawTable, landRecords } from '../../src/db/raw-tables.ts';
import { canCopyFromStdin, createPool, inTransaction, type Pool } from '../../src/db/pool.ts';

let db: FreshDatabase;
let noCopy: Pool;
beforeAll(async () => {
  db = await freshDatabase();
  noCopy = createPool(db.url, 2, { copyFromStdin: false });
});
afterAll(async () => {
  await noCopy?.end();
  await db?.drop();
});

const TRICKY = 'tab\t nl\n cr\r back\\slash \\N "quoted" {braces,comma} Ünïcode 名前 🚀';
const rec = (id: number, name: string, writeDate: string | false = '2026-11-01 10:00:00') => ({
  id, name, write_date: writeDate, partner_id: [id * 10, `${name} partner`], qty: 1.5, tags: [1, 2], note: false,
});

async function land(pool: Pool, model: string, records: object[]): Promise<number> {
  return inTransaction(pool, (c) => landRecords(c, model, records));
}

async function contents(table: string): Promise<unknown[]> {
  return (await db.pool.query(`select id, write_date, data, data_hash, deleted_at from ${table} order by id`)).rows;
}

describe('landRecords without COPY FROM STDIN', () => {
  it('is chosen per pool: the flag reaches every client of a pool created with copyFromStdin: false, and no other', async () => {
    const client = await noCopy.connect();
    try {
      expect([canCopyFromStdin(noCopy), canCopyFromStdin(client), canCopyFromStdin(db.pool)]).toEqual([false, false, true]);
    } finally {
      client.release();
    }
  });

  it('lands what COPY lands: a first load, a merge (new, changed, unchanged, undeleted), a full pass repairing an edited row', async () => {
    await ensureRawTable(db.pool, 'x_nocopy.copy');
    await ensureRawTable(db.pool, 'x_nocopy.insert');
    const first = [rec(3, TRICKY), rec(5, 'plain', false), rec(9, 'x\\y')];
    expect(await land(db.pool, 'x_nocopy.copy', first)).toBe(3);
    expect(await land(noCopy, 'x_nocopy.insert', first)).toBe(3);
    expect(await contents('raw_x_nocopy_insert')).toEqual(await contents('raw_x_nocopy_copy'));

    for (const table of ['raw_x_nocopy_copy', 'raw_x_nocopy_insert']) await db.pool.query(`update ${table} set deleted_at = now() where id = 9`);
    // id 1 is below the highest id, so this page goes through the staging table and the merge.
    const second = [rec(1, 'new'), rec(3, TRICKY), rec(5, 'renamed', false), rec(9, 'x\\y')];
    expect(await land(db.pool, 'x_nocopy.copy', second)).toBe(3);
    expect(await land(noCopy, 'x_nocopy.insert', second)).toBe(3);
    expect(await contents('raw_x_nocopy_insert')).toEqual(await contents('raw_x_nocopy_copy'));
    const { rows } = await db.pool.query(`select data ->> 'name' as name, deleted_at from raw_x_nocopy_insert where id in (3, 9) order by id`);
    expect(rows).toEqual([{ name: TRICKY, deleted_at: null }, { name: 'x\\y', deleted_at: null }]);

    // A full pass (compareData) repairs a row edited by hand, whose stored hash then lies: the same way on both paths.
    for (const table of ['raw_x_nocopy_copy', 'raw_x_nocopy_insert']) await db.pool.query(`update ${table} set data = data || '{"name": "edited"}' where id = 3`);
    const land3 = (pool: Pool, model: string) => inTransaction(pool, (c) => landRecords(c, model, second, { compareData: true }));
    expect(await land3(db.pool, 'x_nocopy.copy')).toBe(1);
    expect(await land3(noCopy, 'x_nocopy.insert')).toBe(1);
    expect(await contents('raw_x_nocopy_insert')).toEqual(await contents('raw_x_nocopy_copy'));
  });
});
