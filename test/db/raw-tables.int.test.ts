import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { ensureRawTable, landRecords } from '../../src/db/raw-tables.ts';
import { beginPass, landPage, readStreamState } from '../../src/db/stream-state.ts';
import { inTransaction } from '../../src/db/pool.ts';

let db: FreshDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const TRICKY = 'tab\t nl\n cr\r back\\slash \\N "quoted" Ünïcode 名前 🚀';

/** The landing this module had before COPY: one JSON parameter and a guarded upsert. The reference for "same rows". */
async function landByJson(table: string, records: object[]): Promise<number> {
  const result = await db.pool.query<{ changed: number }>(
    `with incoming as (
       select (r ->> 'id')::bigint as id,
              case when jsonb_typeof(r -> 'write_date') = 'string' then (r ->> 'write_date')::timestamp end as write_date,
              r as data
         from jsonb_array_elements($1::jsonb) as r
     ), landed as (
       insert into ${table} as raw (id, write_date, data)
       select id, write_date, data from incoming
       on conflict (id) do update
          set write_date = excluded.write_date, data = excluded.data,
              extracted_at = now(), load_seq = nextval('elt_load_seq'), deleted_at = null
        where raw.data is distinct from excluded.data or raw.deleted_at is not null
       returning 1
     )
     select count(*)::int as changed from landed`,
    [JSON.stringify(records)],
  );
  return result.rows[0]!.changed;
}
async function land(model: string, records: object[]): Promise<number> {
  return inTransaction(db.pool, (c) => landRecords(c, model, records));
}
async function contents(table: string): Promise<unknown[]> {
  return (await db.pool.query(`select id, write_date, data, deleted_at from ${table} order by id`)).rows;
}
async function versions(table: string): Promise<unknown[]> {
  return (await db.pool.query(`select id, xmin::text as xmin, load_seq, extracted_at from ${table} order by id`)).rows;
}
const rec = (id: number, name: string, writeDate: string | false = '2026-11-01 10:00:00') => ({
  id, name, write_date: writeDate, partner_id: [id * 10, `${name} partner`], qty: 1.5, active: true, note: false,
});

describe('landRecords (COPY)', () => {
  it('lands exactly the rows the JSON upsert landed, tricky text and missing write_date included; a rerun rewrites nothing', async () => {
    await ensureRawTable(db.pool, 'x_land.copy');
    await ensureRawTable(db.pool, 'x_land.json');
    const first = [rec(3, TRICKY), rec(5, 'plain', false), rec(9, 'x\\y')];
    expect(await land('x_land.copy', first)).toBe(3);
    expect(await landByJson('raw_x_land_json', first)).toBe(3);
    expect(await contents('raw_x_land_copy')).toEqual(await contents('raw_x_land_json'));
    const { rows } = await db.pool.query(`select data ->> 'name' as name, write_date from raw_x_land_copy where id = 3`);
    expect(rows[0]).toEqual({ name: TRICKY, write_date: '2026-11-01 10:00:00' });

    const before = await versions('raw_x_land_copy');
    expect(await land('x_land.copy', first)).toBe(0);
    expect(await versions('raw_x_land_copy')).toEqual(before);
  });

  it('merges a page with ids below the highest: new, changed and undeleted rows land, unchanged ones keep xmin and load_seq', async () => {
    await db.pool.query(`update raw_x_land_copy set deleted_at = now() where id = 9`);
    await db.pool.query(`update raw_x_land_json set deleted_at = now() where id = 9`);
    const before = await versions('raw_x_land_copy');
    const page = [rec(1, 'new below'), rec(3, TRICKY), rec(5, 'renamed', '2026-11-02 08:00:00'), rec(7, 'new between'), rec(9, 'x\\y'), rec(12, 'new above')];
    expect(await land('x_land.copy', page)).toBe(5);
    expect(await landByJson('raw_x_land_json', page)).toBe(5);
    expect(await contents('raw_x_land_copy')).toEqual(await contents('raw_x_land_json'));
    const after = await versions('raw_x_land_copy');
    expect(after.find((r: any) => r.id === 3)).toEqual(before.find((r: any) => r.id === 3));
    expect((after.find((r: any) => r.id === 5) as any).load_seq).toBeGreaterThan((before.find((r: any) => r.id === 5) as any).load_seq);
    expect((await db.pool.query(`select count(*)::int as n from raw_x_land_copy where deleted_at is not null`)).rows[0].n).toBe(0);
  });

  it('a table from before data_hash gets the column; equal data under a new hash refreshes the hash alone, keeping load_seq', async () => {
    await db.pool.query(`create table raw_x_land_old (id bigint primary key, write_date timestamp, data jsonb not null,
      extracted_at timestamptz not null default now(), load_seq bigint not null default nextval('elt_load_seq'), deleted_at timestamptz)`);
    await db.pool.query(`insert into raw_x_land_old (id, write_date, data) select (r->>'id')::bigint, '2026-11-01 10:00:00', r from jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify([rec(1, 'a'), rec(2, 'b')])]);
    await ensureRawTable(db.pool, 'x_land.old');
    const before = await versions('raw_x_land_old');
    // Same data, keys in another order: a new hash, the same jsonb.
    const reordered = [rec(1, 'a'), rec(2, 'b')].map(({ id, ...rest }) => ({ ...rest, id }));
    expect(await land('x_land.old', [...reordered, rec(3, 'c')].reverse())).toBe(1);
    const after = await versions('raw_x_land_old') as { id: string; load_seq: string; extracted_at: Date }[];
    expect(after.slice(0, 2).map(({ id, load_seq, extracted_at }) => ({ id, load_seq, extracted_at })))
      .toEqual((before as typeof after).map(({ id, load_seq, extracted_at }) => ({ id, load_seq, extracted_at })));
    const { rows } = await db.pool.query(`select count(*)::int as n from raw_x_land_old where data_hash is not null`);
    expect(rows[0].n).toBe(3);
    // Now the hashes match: the page is skipped without a rewrite.
    const settled = await versions('raw_x_land_old');
    expect(await land('x_land.old', [...reordered, rec(3, 'c')].reverse())).toBe(0);
    expect(await versions('raw_x_land_old')).toEqual(settled);
  });

  it('a row edited behind the tool\'s back keeps its stored hash: only a full pass (compareData) repairs it, write_date always', async () => {
    await ensureRawTable(db.pool, 'x_land.edit');
    const page = [rec(1, 'a'), rec(2, 'b'), rec(3, 'c')];
    await land('x_land.edit', page);
    await db.pool.query(`update raw_x_land_edit set data = jsonb_set(data, '{name}', '"tampered"') where id = 2`);
    await db.pool.query(`update raw_x_land_edit set write_date = '2000-01-01' where id = 3`);
    expect(await land('x_land.edit', page.slice(0, 2))).toBe(0);
    expect(await land('x_land.edit', [page[2]!])).toBe(1); // the write_date is compared on every landing
    expect(await inTransaction(db.pool, (c) => landRecords(c, 'x_land.edit', page, { compareData: true }))).toBe(1);
    const { rows } = await db.pool.query(`select id::int, data ->> 'name' as name, write_date::text from raw_x_land_edit order by id`);
    expect(rows).toEqual([
      { id: 1, name: 'a', write_date: '2026-11-01 10:00:00' },
      { id: 2, name: 'b', write_date: '2026-11-01 10:00:00' },
      { id: 3, name: 'c', write_date: '2026-11-01 10:00:00' },
    ]);
  });

  it('landPage commits the rows and the pass position together, and neither when PostgreSQL refuses a row', async () => {
    await ensureRawTable(db.pool, 'x_land.page');
    await beginPass(db.pool, 'x_land.page', 'x_land.page', { hwm: null, since: null, lastId: 0, full: true });
    expect(await landPage(db.pool, 'x_land.page', 'x_land.page', [rec(4, 'a'), rec(6, 'b')])).toBe(2);
    expect((await readStreamState(db.pool, 'x_land.page'))!.pass!.lastId).toBe(6);
    // jsonb has no NUL character: the whole page and its position roll back, with PostgreSQL's message.
    await expect(landPage(db.pool, 'x_land.page', 'x_land.page', [rec(8, 'ok'), rec(10, 'nul\u0000')])).rejects.toThrow('unsupported Unicode escape sequence');
    await expect(landPage(db.pool, 'x_land.page', 'x_land.page', [rec(2, 'merge path'), rec(10, 'nul\u0000')])).rejects.toThrow('unsupported Unicode escape sequence');
    expect((await readStreamState(db.pool, 'x_land.page'))!.pass!.lastId).toBe(6);
    expect((await db.pool.query(`select array_agg(id::int order by id) as ids from raw_x_land_page`)).rows[0].ids).toEqual([4, 6]);
    // The connections are still usable after a failed COPY.
    expect(await landPage(db.pool, 'x_land.page', 'x_land.page', [rec(2, 'merge path'), rec(8, 'ok')])).toBe(2);
    expect((await readStreamState(db.pool, 'x_land.page'))!.pass!.lastId).toBe(8);
  });
});
