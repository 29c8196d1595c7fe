import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { memoryLog } from '../support/odoo.ts';
import { writeFiles } from '../support/cli.ts';
import { ensureRawTable, landRecords } from '../../src/db/raw-tables.ts';
import { inTransaction } from '../../src/db/pool.ts';
import { runTransform, type TransformOptions } from '../../src/transform/run-transform.ts';

let db: Awaited<ReturnType<typeof freshDatabase>>;
const dir = mkdtempSync(join(tmpdir(), 'elt-transform-'));

const files: Record<string, string> = {
  'sql/staging/stg_orders.sql': `select o.id as order_id, o.data ->> 'state' as state from {{ source('pos.order') }} as o where o.deleted_at is null`,
  'sql/marts/dim_products.sql': `-- unique_key: product_id
select p.id as product_id, p.data ->> 'name' as name, (p.data ->> 'lst_price')::numeric as price
from {{ source('product.product') }} as p
where {{ changed(p) }}`,
  'sql/marts/fact_lines.sql': `-- unique_key: line_id
-- references: product_id -> dim_products.product_id
select l.id as line_id, (l.data -> 'order_id' ->> 0)::bigint as order_id, (l.data -> 'product_id' ->> 0)::bigint as product_id,
       (l.data ->> 'qty')::numeric as qty, o.data ->> 'state' as order_state
from {{ source('pos.order.line') }} as l
join {{ source('pos.order') }} as o on o.id = (l.data -> 'order_id' ->> 0)::bigint
where {{ changed(l) }} or {{ changed(o) }}`,
  'sql/marts/order_totals.sql': `-- materialized: table
select s.order_id, s.state, sum(f.qty) as qty from {{ ref('stg_orders') }} as s join {{ ref('fact_lines') }} as f using (order_id) group by 1, 2`,
  'sql/marts/broken.sql': `-- materialized: table\nselect no_such_column as id from {{ source('pos.order') }} as o`,
  'sql/marts/after_broken.sql': `-- materialized: table\nselect id from {{ ref('broken') }}`,
};

async function land(model: string, records: object[]): Promise<void> {
  await inTransaction(db.pool, (c) => landRecords(c, model, records));
}
async function transform(options: TransformOptions = {}) {
  return runTransform(db.pool, { projectDir: dir, ...options }, memoryLog());
}
async function rows(sql: string): Promise<any[]> {
  return (await db.pool.query(sql)).rows;
}
const product = (id: number, name: string, price = 10) => ({ id, name, lst_price: price, write_date: '2026-11-01 10:00:00' });
const order = (id: number, state: string) => ({ id, state, write_date: '2026-11-01 10:00:00' });
const line = (id: number, orderId: number, productId: number, qty: number) => ({
  id, order_id: [orderId, `Order ${orderId}`], product_id: [productId, `Product ${productId}`], qty, write_date: '2026-11-01 10:00:00',
});

beforeAll(async () => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  db = await freshDatabase();
  for (const model of ['product.product', 'pos.order', 'pos.order.line']) await ensureRawTable(db.pool, model);
  // The fixture owns these names here, whatever the default warehouse's migrations created.
  await db.pool.query(`
    drop table if exists dim_products, fact_lines, order_totals, broken, after_broken cascade;
    create table dim_products (product_id bigint primary key, name text, price numeric, is_placeholder boolean not null default false);
    create table fact_lines (line_id bigint primary key, order_id bigint not null, product_id bigint, qty numeric, order_state text);
    create table order_totals (order_id bigint, state text, qty numeric);
    create table broken (id bigint);
    create table after_broken (id bigint);`);
  await land('product.product', [product(1, 'Café'), product(2, 'Thé'), product(3, 'Eau')]);
  await land('pos.order', [order(10, 'paid'), order(11, 'draft')]);
  await land('pos.order.line', [line(100, 10, 1, 2), line(101, 10, 2, 1), line(102, 11, 3, 5), line(103, 11, 999, 1)]);
});
afterAll(async () => {
  await db?.drop();
});

describe('elt transform on a small project', () => {
  it('runs every model in order; a broken model rolls back alone and skips only its descendants (3 threads: same results, same order)', async () => {
    const results = await transform({ threads: 3 });
    expect(results.map((r) => [r.model, r.status, r.rows])).toEqual([
      ['broken', 'failed', null],
      ['dim_products', 'success', 3],
      ['stg_orders', 'success', null],
      ['after_broken', 'skipped', null],
      ['fact_lines', 'success', 4],
      ['order_totals', 'success', 2],
    ]);
    expect(results[0]!.error).toBe('sql/marts/broken.sql:2:8: column "no_such_column" does not exist');
    expect(results[3]!.error).toBe('skipped: broken failed');
    expect(await rows(`select order_id, state, qty::int from order_totals order by 1`)).toEqual([
      { order_id: 10, state: 'paid', qty: 3 },
      { order_id: 11, state: 'draft', qty: 6 },
    ]);
    const state = await rows(`select model, status, last_error from elt_model_state order by model`);
    expect(state.find((s) => s.model === 'broken')).toEqual({ model: 'broken', status: 'failed', last_error: 'sql/marts/broken.sql:2:8: column "no_such_column" does not exist' });
  });

  it('a missing product gets a placeholder and is listed; the real record replaces it', async () => {
    expect(await rows(`select product_id, name, is_placeholder from dim_products where product_id = 999`)).toEqual([
      { product_id: 999, name: '(missing dim_products 999)', is_placeholder: true },
    ]);
    expect(await rows(`select model, column_name, referenced_model, referenced_id from elt_missing_references`)).toEqual([
      { model: 'fact_lines', column_name: 'product_id', referenced_model: 'dim_products', referenced_id: 999 },
    ]);
    await land('product.product', [product(999, 'Late arrival')]);
    await transform({ exclude: ['broken', 'after_broken'] });
    expect(await rows(`select product_id, name, is_placeholder from dim_products where product_id = 999`)).toEqual([
      { product_id: 999, name: 'Late arrival', is_placeholder: false },
    ]);
    expect(await rows(`select * from elt_missing_references`)).toEqual([]);
  });

  it('with a debug log, every statement of a model is logged with its time', async () => {
    const log = { ...memoryLog(), debugLines: [] as Array<{ model: string; ms: number; ok: boolean; sql: string }> };
    const debug = (obj: object) => void log.debugLines.push(obj as (typeof log.debugLines)[number]);
    const results = await runTransform(db.pool, { projectDir: dir, select: ['fact_lines', 'broken'] }, { ...log, debug });
    expect(results.map((r) => r.status)).toEqual(['failed', 'success']);
    const upsert = log.debugLines.find((l) => l.model === 'fact_lines' && l.sql.includes('insert into "fact_lines"'));
    expect(upsert).toMatchObject({ ok: true, ms: expect.any(Number) });
    expect(log.debugLines.find((l) => l.model === 'broken' && !l.ok)?.sql).toContain('no_such_column');
  });

  it('a run with no change rewrites nothing', async () => {
    const before = await rows(`select product_id, xmin::text from dim_products order by 1`);
    const linesBefore = await rows(`select line_id, xmin::text from fact_lines order by 1`);
    const results = await transform({ exclude: ['broken', 'after_broken'] });
    expect(results.filter((r) => r.materialized === 'incremental').map((r) => r.rows)).toEqual([0, 0]);
    expect(await rows(`select product_id, xmin::text from dim_products order by 1`)).toEqual(before);
    expect(await rows(`select line_id, xmin::text from fact_lines order by 1`)).toEqual(linesBefore);
  });

  it('a changed product and a changed order reach the marts; only their rows are rewritten', async () => {
    const linesBefore = await rows(`select line_id, xmin::text as x from fact_lines order by 1`);
    await land('product.product', [product(2, 'Thé vert', 12)]);
    await land('pos.order', [order(11, 'paid')]);
    const results = await transform({ exclude: ['broken', 'after_broken'] });
    expect(results.find((r) => r.model === 'dim_products')!.rows).toBe(1);
    expect(results.find((r) => r.model === 'fact_lines')!.rows).toBe(2);
    expect(await rows(`select name, price::int from dim_products where product_id = 2`)).toEqual([{ name: 'Thé vert', price: 12 }]);
    const after = await rows(`select line_id, order_state, xmin::text as x from fact_lines order by 1`);
    expect(after.map((r) => r.order_state)).toEqual(['paid', 'paid', 'paid', 'paid']);
    expect(after.filter((r, i) => r.x !== linesBefore[i].x).map((r) => r.line_id)).toEqual([102, 103]);
  });

  it('--full-refresh rebuilds the same tables as the incremental history', async () => {
    const snapshot = async () => [
      await rows(`select * from dim_products order by product_id`),
      await rows(`select * from fact_lines order by line_id`),
      await rows(`select * from order_totals order by order_id`),
    ];
    const incremental = await snapshot();
    await transform({ exclude: ['broken', 'after_broken'], fullRefresh: true });
    expect(await snapshot()).toEqual(incremental);
  });

  it("an error in a model's SQL names the file's line and column, through the placeholders before it", async () => {
    const other = mkdtempSync(join(tmpdir(), 'elt-positions-'));
    const files = {
      'sql/marts/typo.sql': "-- materialized: table\n-- tags: x\n\nselect o.id,\n       {{ var('label', 'x') }} as label\n  from {{ source('pos.order') }} as o where o.nope = 1",
      'sql/staging/stg_typo.sql': "select o.id\nfrom {{ source('pos.order') }} as o,\n{{ source('pos.order') }} as p where p.id = o.id and selct",
      'sql/marts/syntax.sql': "-- materialized: table\nselect 1 as id from {{ source('pos.order') }} as o as p",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(other, dirname(path)), { recursive: true });
      writeFileSync(join(other, path), text);
    }
    await db.pool.query(`create table typo (id bigint, label text); create table syntax (id bigint)`);
    const results = await runTransform(db.pool, { projectDir: other }, memoryLog());
    const column = (path: string, line: number, text: string) => files[path as keyof typeof files].split('\n')[line - 1]!.indexOf(text) + 1;
    expect(results.map((r) => [r.model, r.error])).toEqual([
      ['syntax', `sql/marts/syntax.sql:2:${column('sql/marts/syntax.sql', 2, 'as p')}: syntax error at or near "as"`],
      ['typo', `sql/marts/typo.sql:6:${column('sql/marts/typo.sql', 6, 'o.nope')}: column o.nope does not exist`],
      ['stg_typo', `sql/staging/stg_typo.sql:3:${column('sql/staging/stg_typo.sql', 3, 'selct')}: column "selct" does not exist`],
    ]);
  });

  it('a staging view read before its stream was ever extracted: the line says extract makes it', async () => {
    const other = mkdtempSync(join(tmpdir(), 'elt-early-'));
    mkdirSync(join(other, 'sql', 'marts'), { recursive: true });
    writeFileSync(join(other, 'sql', 'marts', 'early.sql'), "-- materialized: table\nselect p.id from {{ ref('stg_pos_payment') }} as p");
    const [result] = await runTransform(db.pool, { projectDir: other, streams: ['pos.payment'] }, memoryLog());
    expect(result!.error).toBe('sql/marts/early.sql:2:18: relation "stg_pos_payment" does not exist: elt extract makes it (elt extract --streams pos.payment)');
  });

  it('a display-name column without extract.display_names: the line says how to get it', async () => {
    const other = mkdtempSync(join(tmpdir(), 'elt-names-'));
    mkdirSync(join(other, 'sql', 'marts'), { recursive: true });
    writeFileSync(join(other, 'sql', 'marts', 'names.sql'), '-- materialized: table\nselect o.partner_id__name from names_src as o');
    await db.pool.query(`create table names_src (id bigint, partner_id bigint)`);
    const [result] = await runTransform(db.pool, { projectDir: other }, memoryLog());
    expect(result!.error).toBe(
      "sql/marts/names.sql:2:8: column o.partner_id__name does not exist: staging views have partner_id__name only with extract.display_names: true in elt.yml (then elt extract --full-refresh); or join the related stream's staging view for its name",
    );
  });

  it('a SELECT that repeats a unique_key fails with one line, incrementally and on a full refresh', async () => {
    const other = mkdtempSync(join(tmpdir(), 'elt-dupes-'));
    mkdirSync(join(other, 'sql', 'marts'), { recursive: true });
    writeFileSync(join(other, 'sql', 'marts', 'dupes.sql'), "-- unique_key: k\nselect k, v from (values (1, 'a'), (1, 'b'), (2, 'c')) as t(k, v)");
    await db.pool.query(`create table dupes (k bigint primary key, v text)`);
    const message = 'sql/marts/dupes.sql: the SELECT returns the same unique_key (k) more than once';
    for (const fullRefresh of [false, true]) {
      const results = await runTransform(db.pool, { projectDir: other, fullRefresh }, memoryLog());
      expect(results.map((r) => [r.status, r.error])).toEqual([['failed', message]]);
    }
    expect(await rows(`select count(*)::int as n from dupes`)).toEqual([{ n: 0 }]);
  });

  it('a model whose columns differ from its table fails naming the differences', async () => {
    await db.pool.query(`alter table fact_lines add column margin numeric, drop column qty`);
    const results = await transform({ select: ['fact_lines'] });
    expect(results).toHaveLength(1);
    expect(results[0]!.error).toBe(
      "sql/marts/fact_lines.sql: the SELECT's columns changed (new in the SELECT: qty; gone from it: margin): set on_schema_change: append_new_columns or sync_all_columns in its header, or rebuild the table with elt transform --full-refresh --select fact_lines",
    );
    await db.pool.query(`alter table fact_lines drop column margin, add column qty numeric`);
  });

  it('with threads, an independent model runs while another waits: a model starts when its parents are done', async () => {
    const other = mkdtempSync(join(tmpdir(), 'elt-threads-'));
    const project = {
      // a_waits blocks on an advisory lock the test holds; b_free and its child c_after need nothing.
      'sql/a_waits.sql': '-- materialized: table\nselect 1 as id from (select pg_advisory_xact_lock(4242)) as l',
      'sql/b_free.sql': '-- materialized: view\nselect 2 as id',
      'sql/c_after.sql': "-- materialized: view\nselect id from {{ ref('b_free') }}",
    };
    writeFiles(other, project);
    const holder = await db.pool.connect();
    try {
      await holder.query('select pg_advisory_lock(4242)');
      const run = runTransform(db.pool, { projectDir: other, threads: 2 }, memoryLog());
      // b_free and c_after finish while a_waits still waits: with one thread they would wait behind it
      // (and this loop until the test's timeout). No bound of its own, so a slow machine only waits longer.
      while ((await rows(`select count(*)::int as n from elt_model_state where model in ('b_free', 'c_after') and status = 'success'`))[0].n < 2) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await rows(`select model from elt_model_state where model in ('a_waits', 'b_free', 'c_after') order by model`)).toEqual([{ model: 'b_free' }, { model: 'c_after' }]);
      await holder.query('select pg_advisory_unlock(4242)');
      expect((await run).map((r) => [r.model, r.status])).toEqual([['a_waits', 'success'], ['b_free', 'success'], ['c_after', 'success']]);
    } finally {
      holder.release();
    }
  });
});
