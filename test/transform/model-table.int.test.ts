/**
 * A `.sql` file is enough: a model whose table no migration declares gets it
 * from its SELECT (names, types, primary key from unique_key) and changes it
 * as on_schema_change says; declared tables stay contracts; an upsert with no
 * unique index to land on is one line naming the fix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { memoryLog } from '../support/odoo.ts';
import { writeFiles } from '../support/cli.ts';
import { ensureRawTable, landRecords } from '../../src/db/raw-tables.ts';
import { inTransaction } from '../../src/db/pool.ts';
import { runTransform, type TransformOptions } from '../../src/transform/run-transform.ts';

let db: FreshDatabase;
const dir = mkdtempSync(join(tmpdir(), 'elt-model-table-'));

const PAYMENTS = `-- unique_key: payment_id
-- tags: mine
select p.id as payment_id,
       odoo_id(p.data -> 'pos_order_id') as order_id,
       odoo_num(p.data -> 'amount') as amount,
       odoo_text(p.data -> 'payment_method') as method,
       odoo_ts(p.data -> 'payment_date') as paid_at,
       odoo_ids(p.data -> 'tag_ids') as tag_ids
from {{ source('pos.payment') }} as p
where {{ changed(p) }}`;

const write = (files: Record<string, string>) => writeFiles(dir, files);
const payment = (id: number, amount: number, method = 'Cash') => ({
  id, pos_order_id: [id * 10, `Order ${id * 10}`], amount, payment_method: method, payment_date: '2026-11-01 10:00:00', tag_ids: [3, 1], write_date: `2026-11-01 10:00:0${id % 10}`,
});
async function land(records: object[]): Promise<void> {
  await inTransaction(db.pool, (c) => landRecords(c, 'pos.payment', records));
}
async function transform(options: TransformOptions = {}) {
  return runTransform(db.pool, { projectDir: dir, ...options }, memoryLog());
}
async function rows(sql: string): Promise<any[]> {
  return (await db.pool.query(sql)).rows;
}
const columns = (table: string) =>
  rows(`select column_name as name, data_type as type from information_schema.columns where table_name = '${table}' order by ordinal_position`);

beforeAll(async () => {
  db = await freshDatabase();
  await ensureRawTable(db.pool, 'pos.payment');
  await land([payment(1, 12.5), payment(2, 7.25, 'Card')]);
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a model's own table", () => {
  it('is made from the SELECT: its columns, their types and a primary key on unique_key', async () => {
    write({ 'sql/marts/payments_by_id.sql': PAYMENTS });
    const results = await transform();
    expect(results.map((r) => [r.model, r.status, r.rows, r.error])).toEqual([['payments_by_id', 'success', 2, undefined]]);
    expect(await columns('payments_by_id')).toEqual([
      { name: 'payment_id', type: 'bigint' },
      { name: 'order_id', type: 'bigint' },
      { name: 'amount', type: 'numeric' },
      { name: 'method', type: 'text' },
      { name: 'paid_at', type: 'timestamp with time zone' },
      { name: 'tag_ids', type: 'ARRAY' },
    ]);
    expect(await rows(`select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'payments_by_id'::regclass and contype in ('p', 'u')`)).toEqual([{ def: 'PRIMARY KEY (payment_id)' }]);
    expect(await rows('select payment_id, order_id, amount::text, method, tag_ids from payments_by_id order by 1')).toEqual([
      { payment_id: 1, order_id: 10, amount: '12.5', method: 'Cash', tag_ids: ['3', '1'] },
      { payment_id: 2, order_id: 20, amount: '7.25', method: 'Card', tag_ids: ['3', '1'] },
    ]);
  });

  it('then runs incrementally like any model: only changed records are rewritten', async () => {
    await land([payment(2, 9.75, 'Card'), payment(3, 1)]);
    expect((await transform()).map((r) => r.rows)).toEqual([2]);
    expect(await rows('select payment_id, amount::text from payments_by_id order by 1')).toEqual([
      { payment_id: 1, amount: '12.5' }, { payment_id: 2, amount: '9.75' }, { payment_id: 3, amount: '1' },
    ]);
    expect((await transform()).map((r) => r.rows)).toEqual([0]);
  });

  it('on_schema_change: fail (the default) stops with one line naming the change and the ways out', async () => {
    write({ 'sql/marts/payments_by_id.sql': PAYMENTS.replace('as tag_ids', 'as tag_ids,\n       p.id * 2 as doubled').replace("odoo_text(p.data -> 'payment_method') as method,\n", '') });
    expect((await transform()).map((r) => r.error)).toEqual([
      "sql/marts/payments_by_id.sql: the SELECT's columns changed (new in the SELECT: doubled; gone from it: method): set on_schema_change: append_new_columns or sync_all_columns in its header, or rebuild the table with elt transform --full-refresh --select payments_by_id",
    ]);
    expect((await columns('payments_by_id')).map((c) => c.name)).toContain('method');
  });

  it('append_new_columns adds the new ones and keeps the gone ones; sync_all_columns drops those', async () => {
    const changed = PAYMENTS.replace('as tag_ids', 'as tag_ids,\n       p.id * 2 as doubled').replace("odoo_text(p.data -> 'payment_method') as method,\n", '');
    write({ 'sql/marts/payments_by_id.sql': `-- on_schema_change: append_new_columns\n${changed}` });
    expect((await transform()).map((r) => r.status)).toEqual(['success']);
    expect((await columns('payments_by_id')).map((c) => c.name)).toEqual(['payment_id', 'order_id', 'amount', 'method', 'paid_at', 'tag_ids', 'doubled']);
    await land([payment(3, 2)]);
    await transform();
    expect(await rows('select payment_id, method, doubled from payments_by_id order by 1')).toEqual([
      { payment_id: 1, method: 'Cash', doubled: null }, { payment_id: 2, method: 'Card', doubled: null }, { payment_id: 3, method: 'Cash', doubled: 6 },
    ]);
    write({ 'sql/marts/payments_by_id.sql': `-- on_schema_change: sync_all_columns\n${changed}` });
    expect((await transform()).map((r) => r.status)).toEqual(['success']);
    expect((await columns('payments_by_id')).map((c) => c.name)).toEqual(['payment_id', 'order_id', 'amount', 'paid_at', 'tag_ids', 'doubled']);
  });

  it('--full-refresh rebuilds a table whose columns changed from the SELECT, whatever on_schema_change says', async () => {
    write({ 'sql/marts/payments_by_id.sql': PAYMENTS.replace("odoo_num(p.data -> 'amount') as amount", "odoo_num(p.data -> 'amount')::int as amount") });
    expect((await transform({ fullRefresh: true })).map((r) => [r.status, r.rows])).toEqual([['success', 3]]);
    expect((await columns('payments_by_id')).map((c) => `${c.name} ${c.type}`)).toEqual([
      'payment_id bigint', 'order_id bigint', 'amount integer', 'method text', 'paid_at timestamp with time zone', 'tag_ids ARRAY',
    ]);
  });

  it('an upsert with no unique index on unique_key is one line naming the fix, for an own table and a declared one', async () => {
    rmSync(join(dir, 'sql'), { recursive: true });
    write({ 'sql/marts/by_hand.sql': "-- unique_key: id\nselect p.id from {{ source('pos.payment') }} as p where {{ changed(p) }}" });
    await db.pool.query('create table by_hand (id bigint)');
    expect((await transform()).map((r) => r.error)).toEqual([
      'sql/marts/by_hand.sql: table by_hand has no primary key or unique index on (id), which unique_key needs for its upsert: add one (alter table by_hand add primary key (id)), or drop the table and the next run makes it from the SELECT',
    ]);
    rmSync(join(dir, 'sql'), { recursive: true });
    write({ 'sql/marts/dim_teams.sql': "-- unique_key: team_id\nselect p.id as team_id, 'x' as name, null::bigint as leader_id, true as active, null::timestamptz as created_at from {{ source('pos.payment') }} as p where {{ changed(p) }}" });
    await db.pool.query('alter table dim_teams drop constraint dim_teams_pkey');
    const [declared] = await transform();
    expect(declared!.error).toBe(
      'sql/marts/dim_teams.sql: table dim_teams has no primary key or unique index on (team_id), which unique_key needs for its upsert: declare one in src/db/schema/marts/ (.primaryKey() or a uniqueIndex), run npm run db:generate, then elt migrate',
    );
    await db.pool.query('drop table dim_teams');
    expect((await transform())[0]!.error).toBe('sql/marts/dim_teams.sql: table dim_teams does not exist yet: run elt migrate (it is declared in src/db/schema/marts/)');
  });
});
