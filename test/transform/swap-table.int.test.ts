/**
 * Build and swap: a model rebuilt whole fills a new table and takes the old
 * one's place, which keeps its exact definition (columns, keys, indexes,
 * constraints, comments, grants, storage options) and leaves no dead rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { memoryLog } from '../support/odoo.ts';
import { writeFiles } from '../support/cli.ts';
import { tableDefinition } from '../support/table-definition.ts';
import { ensureRawTable, landRecords } from '../../src/db/raw-tables.ts';
import { inTransaction } from '../../src/db/pool.ts';
import { runTransform } from '../../src/transform/run-transform.ts';

let db: FreshDatabase;
const dir = mkdtempSync(join(tmpdir(), 'elt-swap-'));

const MODEL = `-- materialized: incremental
-- unique_key: payment_id
select p.id as payment_id, odoo_num(p.data -> 'amount') as amount, odoo_text(p.data -> 'payment_method') as method
from {{ source('pos.payment') }} as p
where {{ changed(p) }}`;

const write = (files: Record<string, string>) => writeFiles(dir, files);
async function rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.pool.query(sql, params)).rows as T[];
}
async function transform(fullRefresh: boolean, select = ['sw_payments']) {
  const log = memoryLog();
  const debug: string[] = [];
  const results = await runTransform(db.pool, { projectDir: dir, select, fullRefresh }, { ...log, debug: (_o, msg) => void debug.push(msg) });
  return { results, debug };
}

const definition = (table: string) => tableDefinition(db.pool, table);
const oid = async (table: string) => (await rows<{ oid: number }>(`select $1::regclass::oid::int as oid`, [table]))[0]!.oid;

beforeAll(async () => {
  db = await freshDatabase();
  await ensureRawTable(db.pool, 'pos.payment');
  await inTransaction(db.pool, (c) =>
    landRecords(c, 'pos.payment', Array.from({ length: 500 }, (_, i) => ({ id: i + 1, amount: (i % 50) + 0.25, payment_method: i % 3 ? 'Card' : 'Cash', write_date: '2026-11-01 10:00:00' }))),
  );
  // A table as a migration would declare it, plus what an admin adds by hand.
  await db.pool.query(`
    create table sw_payments (payment_id bigint not null, amount numeric check (amount >= 0), method text default 'Cash',
                              constraint sw_payments_pk primary key (payment_id)) with (fillfactor = 90);
    create index sw_payments_method_idx on sw_payments (method) where method is not null;
    comment on table sw_payments is 'POS payments';
    comment on column sw_payments.amount is 'in the order''s currency';
    comment on index sw_payments_method_idx is 'for BI';
    drop role if exists sw_reader; create role sw_reader;
    grant select on sw_payments to sw_reader;`);
  write({ 'sql/marts/sw_payments.sql': MODEL });
});
afterAll(async () => {
  await db?.drop();
  await db.pool.query('drop role if exists sw_reader').catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe('a full refresh builds a new table and swaps it in', () => {
  it('keeps the exact definition, comments, grants and storage options, under a new table', async () => {
    expect((await transform(false)).results[0]).toMatchObject({ status: 'success', rows: 500 });
    const before = await definition('sw_payments');
    const first = await oid('sw_payments');
    const { results, debug } = await transform(true);
    expect(results[0]).toMatchObject({ status: 'success', rows: 500 });
    expect(debug.filter((m) => m.includes('refreshed in place')), debug.join('\n')).toEqual([]);
    expect(await oid('sw_payments')).not.toBe(first);
    expect(await definition('sw_payments')).toEqual(before);
    expect(before.acl).toContain('sw_reader=r/');
    expect(await rows(`select count(*)::int as n, sum(amount)::text as total from sw_payments`)).toEqual([{ n: 500, total: '12375.00' }]);
    expect(await rows(`select relname from pg_class where relname like 'elt_new_%'`)).toEqual([]);
  });

  it('leaves no dead rows: the table is no bigger after three refreshes than after one', async () => {
    await transform(true);
    const size = async () => Number((await rows<{ n: string }>(`select pg_total_relation_size('sw_payments') as n`))[0]!.n);
    const once = await size();
    await transform(true);
    await transform(true);
    expect(await size()).toBe(once);
    // The same run in place (before build and swap) grew by the dead rows of each delete.
  });

  it('a repeated key fails the model in one line and leaves the old table as it was', async () => {
    // Payment 1 twice: the key is built after the rows are in, and refuses it there.
    write({ 'sql/marts/sw_payments.sql': MODEL.replace('where {{ changed(p) }}', "where {{ changed(p) }}\nunion all select 1, 1, 'Cash'") });
    const first = await oid('sw_payments');
    const { results } = await transform(true);
    expect(results[0]).toMatchObject({ status: 'failed', error: 'sql/marts/sw_payments.sql: the SELECT returns the same unique_key (payment_id) more than once' });
    expect(await oid('sw_payments')).toBe(first);
    expect(await rows(`select count(*)::int as n from sw_payments`)).toEqual([{ n: 500 }]);
    write({ 'sql/marts/sw_payments.sql': MODEL });
  });

  it('a table a view reads is refreshed in place, and says why at debug level; the view keeps working', async () => {
    await db.pool.query(`create view sw_by_method as select method, count(*) as n from sw_payments group by method`);
    const first = await oid('sw_payments');
    const { results, debug } = await transform(true);
    expect(results[0]).toMatchObject({ status: 'success', rows: 500 });
    expect(debug).toContain('sw_payments is refreshed in place (delete, then insert), not rebuilt and swapped: a view reads it');
    expect(await oid('sw_payments')).toBe(first);
    expect(await rows(`select method, n::int from sw_by_method order by method`)).toEqual([{ method: 'Card', n: 333 }, { method: 'Cash', n: 167 }]);
    await db.pool.query('drop view sw_by_method');
  });
});
