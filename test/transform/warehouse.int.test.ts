/**
 * The default warehouse (sql/marts) on a simulated Odoo 17: extract, seed and
 * transform as `elt run` does, then check the marts against the simulator's own
 * records, an incremental run against the changes made in Odoo, and a full
 * refresh against the incremental history.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordValues } from '../../src/simulator/model-def.ts';
import { tableDefinition } from '../support/table-definition.ts';
import { DECLARED_MARTS } from '../../src/db/schema/declared-marts.ts';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { streamNames } from '../../src/extract/streams.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { ensureRawTable } from '../../src/db/raw-tables.ts';
import { quoteIdent, rawTableName } from '../../src/db/identifiers.ts';
import { compileModel } from '../../src/transform/compile.ts';
import { loadProject } from '../../src/transform/project.ts';
import { loadSeeds } from '../../src/transform/seeds.ts';
import { runTransform, type TransformOptions } from '../../src/transform/run-transform.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let odoo: OdooClient;

async function extract(): Promise<void> {
  const results = await runExtract(odoo, db.pool, projectConfig(), {}, memoryLog());
  expect(results.filter((r) => r.status === 'failed')).toEqual([]);
}
async function transform(options: Partial<TransformOptions> = {}) {
  const results = await runTransform(db.pool, { projectDir, timezone: 'Europe/Paris', streams: streamNames(projectConfig()), ...options }, memoryLog());
  expect(results.filter((r) => r.status !== 'success').map((r) => `${r.model}: ${r.error}`)).toEqual([]);
  return results;
}
async function rows(sql: string, params: unknown[] = []): Promise<any[]> {
  return (await db.pool.query(sql, params)).rows;
}
function records(model: string): RecordValues[] {
  return sim.store.search(model, [], { activeTest: false, order: 'id' }).map((id) => sim.store.get(model, id)!);
}
/** A sum in whole cents (or thousandths), so float noise in the simulator's values cannot tip it. */
function cents(values: unknown[], scale = 100): number {
  return values.reduce<number>((sum, v) => sum + Math.round(Number(v) * scale), 0);
}

/** The models materialized as tables: rebuilt whole on every run. */
const TABLE_MODELS = new Set(['dim_branches', 'dim_pos_categories', 'fact_stock']);

/** Every mart table and its primary key columns, from the catalog. */
async function martKeys(): Promise<Map<string, string[]>> {
  const found = await rows(`
    select c.relname as name, array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum)) as key
      from pg_index as i
      join pg_class as c on c.oid = i.indrelid
      join pg_attribute as a on a.attrelid = c.oid and a.attnum = any(i.indkey)
     where i.indisprimary and c.relnamespace = current_schema()::regnamespace and c.relname ~ '^(dim|fact)_'
     group by c.relname order by c.relname`);
  return new Map(found.map((r) => [r.name, r.key]));
}
/** Key ('source/id') -> the row version (xmin) of every row of an incremental mart. */
async function rowVersions(): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const [table, key] of await martKeys()) {
    if (TABLE_MODELS.has(table)) continue;
    const found = await rows(`select concat_ws('/', ${key.join(', ')}) as k, xmin::text as v from ${table}`);
    out.set(table, new Map(found.map((r) => [r.k, r.v])));
  }
  return out;
}
/** Per table, the keys inserted, rewritten or deleted between two snapshots of rowVersions(). */
function changedKeys(before: Map<string, Map<string, string>>, after: Map<string, Map<string, string>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [table, rowsAfter] of after) {
    const rowsBefore = before.get(table)!;
    const keys = [...new Set([...rowsBefore.keys(), ...rowsAfter.keys()])].filter((k) => rowsBefore.get(k) !== rowsAfter.get(k));
    if (keys.length) out[table] = keys.sort();
  }
  return out;
}
/**
 * Rewrites every many2one in the raw tables as Odoo's `read` sends it with
 * `load: '_classic_read'` (`[id, "display name"]`, `pairs`, named by the
 * simulator) or with any other load (the bare id, `ids`), whichever shape the
 * extract landed.
 */
async function landManyToOne(shape: 'pairs' | 'ids'): Promise<void> {
  const fields = await rows(`select stream, field, relation from elt_stream_fields where type = 'many2one' order by stream, field`);
  expect(fields.length).toBeGreaterThan(50);
  for (const { stream, field, relation } of fields) {
    const table = quoteIdent(rawTableName(stream));
    if (shape === 'ids') {
      await db.pool.query(`update ${table} set data = jsonb_set(data, array[$1], data -> $1 -> 0) where jsonb_typeof(data -> $1) = 'array'`, [field]);
      continue;
    }
    const ids = (await rows(`select distinct (data ->> $1)::bigint as id from ${table} where jsonb_typeof(data -> $1) = 'number'`, [field])).map((r) => Number(r.id));
    const named = ids.filter((id) => typeof sim.store.displayName(relation, id) === 'string');
    await db.pool.query(
      `update ${table} as r set data = jsonb_set(r.data, array[$1], jsonb_build_array(n.id, n.name))
         from unnest($2::bigint[], $3::text[]) as n(id, name)
        where jsonb_typeof(r.data -> $1) = 'number' and (r.data ->> $1)::bigint = n.id`,
      [field, named, named.map((id) => sim.store.displayName(relation, id))],
    );
  }
}
/** Every mart's whole content, in key order. */
async function martContents(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of await martKeys()) out[table] = (await rows(`select to_jsonb(t) as r from ${table} as t order by ${key.join(', ')}`)).map((r) => r.r);
  return out;
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.3, seed: 11, brand: true, posPromotion: true });
  // A manual clock after all generated data, so the test decides what "now" is.
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  odoo = await connect(sim);
  // As `elt migrate` does: every catalog stream's raw table exists, hr.version (Odoo 19 only) too.
  for (const { model } of BUILTIN_STREAMS) await ensureRawTable(db.pool, model);
  await extract();
  await loadSeeds(db.pool, join(projectDir, 'sql', 'seeds'));
  await transform();
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

describe('the default warehouse on Odoo 17', () => {
  it('fact_sales has every POS order and sale order, with totals equal to the cent', async () => {
    const got = await rows(`select source, count(*)::int as n, round(sum(amount_total) * 100)::bigint::text as cents,
                                   round(sum(amount_tax) * 100)::bigint::text as tax from fact_sales group by source order by source`);
    const pos = records('pos.order');
    const sale = records('sale.order');
    expect(got).toEqual([
      { source: 'pos', n: pos.length, cents: String(cents(pos.map((o) => o.amount_total))), tax: String(cents(pos.map((o) => o.amount_tax))) },
      { source: 'sale', n: sale.length, cents: String(cents(sale.map((o) => o.amount_total))), tax: String(cents(sale.map((o) => o.amount_tax))) },
    ]);
    expect(await rows(`select count(*)::int as n from fact_sales where source = 'pos' and (channel <> 'in_store' or branch_id is null)`)).toEqual([{ n: 0 }]);
  });

  it('dates and hours are local to ELT_TIMEZONE', async () => {
    const order = records('pos.order')[0]!;
    const utc = new Date(`${String(order.date_order).replace(' ', 'T')}Z`);
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(utc);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    expect(await rows(`select local_date::text, local_hour, date_order = $2::timestamptz as same from fact_sales where source = 'pos' and order_id = $1`, [order.id, utc.toISOString()]))
      .toEqual([{ local_date: `${part('year')}-${part('month')}-${part('day')}`, local_hour: Number(part('hour')), same: true }]);
  });

  it('fact_sales_lines has every POS line and every sale line but sections and notes, amounts to the cent', async () => {
    const got = await rows(`select source, count(*)::int as n, round(sum(price_subtotal) * 100)::bigint::text as cents,
                                   round(sum(price_subtotal_incl) * 100)::bigint::text as incl from fact_sales_lines group by source order by source`);
    const pos = records('pos.order.line');
    const sale = records('sale.order.line').filter((l) => l.display_type === false);
    expect(sale.length).toBeLessThan(records('sale.order.line').length);
    expect(got).toEqual([
      { source: 'pos', n: pos.length, cents: String(cents(pos.map((l) => l.price_subtotal))), incl: String(cents(pos.map((l) => l.price_subtotal_incl))) },
      { source: 'sale', n: sale.length, cents: String(cents(sale.map((l) => l.price_subtotal))), incl: String(cents(sale.map((l) => l.price_total))) },
    ]);
    const rewardLine = pos.find((l) => typeof l.reward_id === 'number')!;
    const reward = sim.store.get('loyalty.reward', rewardLine.reward_id as number)!;
    expect(await rows(`select reward_id, program_id, is_reward_line from fact_sales_lines where source = 'pos' and line_id = $1`, [rewardLine.id]))
      .toEqual([{ reward_id: rewardLine.reward_id, program_id: reward.program_id, is_reward_line: true }]);
  });

  it('purchases: every order and line, totals to the cent', async () => {
    const orders = records('purchase.order');
    const lines = records('purchase.order.line').filter((l) => l.display_type === false);
    expect(await rows(`select count(*)::int as n, round(sum(amount_total) * 100)::bigint::text as cents from fact_purchase_orders`))
      .toEqual([{ n: orders.length, cents: String(cents(orders.map((o) => o.amount_total))) }]);
    expect(await rows(`select count(*)::int as n, round(sum(price_subtotal) * 100)::bigint::text as cents from fact_purchase_lines`))
      .toEqual([{ n: lines.length, cents: String(cents(lines.map((l) => l.price_subtotal))) }]);
  });

  it('dimensions hold every record, archived ones included, and every fact key resolves', async () => {
    for (const [table, model] of [['dim_products', 'product.product'], ['dim_customers', 'res.partner'], ['dim_employees', 'hr.employee'],
      ['dim_branches', 'pos.config'], ['dim_locations', 'stock.location'], ['dim_brands', 'product.brand'], ['dim_pos_promotions', 'pos.promotion']] as const) {
      const archived = sim.count(model, { activeTest: false }) - sim.count(model);
      expect(await rows(`select count(*)::int as n, count(*) filter (where not active)::int as archived from ${table}`), table)
        .toEqual([{ n: sim.count(model, { activeTest: false }), archived }]);
    }
    expect(await rows(`select count(*)::int as n from elt_missing_references`)).toEqual([{ n: 0 }]);
    // Odoo 17 keeps a mobile beside the phone: both reach dim_customers as Odoo has them
    const partners = records('res.partner');
    const orNull = (v: unknown) => (v === false ? null : v);
    expect(partners.filter((p) => typeof p.mobile === 'string').length).toBeGreaterThan(10);
    expect(await rows(`select customer_id as id, phone, mobile from dim_customers order by customer_id`))
      .toEqual(partners.map((p) => ({ id: p.id, phone: orNull(p.phone), mobile: orNull(p.mobile) })));
    const product = records('product.product').find((p) => p.active === false)!;
    const template = sim.store.get('product.template', product.product_tmpl_id as number)!;
    expect(await rows(`select name, template_id, category_id, list_price::float8 as list_price, is_placeholder from dim_products where product_id = $1`, [product.id]))
      .toEqual([{ name: template.name, template_id: template.id, category_id: template.categ_id, list_price: template.list_price, is_placeholder: false }]);
  });

  it('dim_products carries the cost on Odoo 17, where it is a non-stored company property the catalog reads anyway', async () => {
    const products = await rows(`select product_id, standard_price::float8 as cost from dim_products where not is_placeholder order by product_id limit 5`);
    const odoo = await connect(sim);
    const read = await odoo.read('product.product', products.map((p) => p.product_id), ['standard_price'], { context: { active_test: false } });
    expect(products.map((p) => p.cost)).toEqual(read.map((r) => r.standard_price));
    expect(products.some((p) => p.cost > 0)).toBe(true);
  });

  it('fact_stock: quantities per internal location equal the quants; zero rows for storable products missing there', async () => {
    const internal = new Set(records('stock.location').filter((l) => l.usage === 'internal').map((l) => l.id));
    const quants = records('stock.quant').filter((q) => internal.has(q.location_id));
    const perLocation = new Map<unknown, number[]>();
    for (const q of quants) perLocation.set(q.location_id, [...(perLocation.get(q.location_id) ?? []), q.quantity as number]);
    const got = await rows(`select location_id, round(sum(quantity) * 1000)::bigint::text as qty from fact_stock where quant_count > 0 group by 1 order by 1`);
    expect(got).toEqual([...perLocation].sort(([a], [b]) => Number(a) - Number(b)).map(([id, qs]) => ({ location_id: id, qty: String(cents(qs, 1000)) })));

    const activeLocations = sim.store.search('stock.location', [['usage', '=', 'internal']]);
    const storable = sim.store.search('product.product', []).filter((id) => {
      const p = sim.store.get('product.product', id)!;
      return sim.store.get('product.template', p.product_tmpl_id as number)!.detailed_type === 'product';
    });
    const held = new Set(quants.map((q) => `${q.product_id}/${q.location_id}`));
    const zero = storable.flatMap((p) => activeLocations.filter((l) => !held.has(`${p}/${l}`)));
    expect(zero.length).toBeGreaterThan(0);
    expect(await rows(`select count(*)::int as n from fact_stock where quant_count = 0 and quantity = 0`)).toEqual([{ n: zero.length }]);

    await transform({ select: ['fact_stock'], vars: { stock_zero_rows: false } });
    expect(await rows(`select count(*)::int as n, count(*) filter (where quant_count = 0)::int as zero from fact_stock`))
      .toEqual([{ n: new Set(quants.map((q) => `${q.product_id}/${q.location_id}`)).size, zero: 0 }]);
    await transform({ select: ['fact_stock'] });
  });

  it('branch codes: the seed overrides, else the pattern, else the warehouse code', async () => {
    const codes = async () => (await rows(`select name, branch_code from dim_branches order by branch_id`)).map((r) => `${r.name}=${r.branch_code}`);
    // The default pattern wants an upper-case code at the start of the name; these names have none.
    expect(await codes()).toEqual(['Paris Bastille=PAR', "Lyon Presqu'île=LYO", 'Köln Altstadt=KÖL', 'Kiosque Salon 2023=PAR']);
    await db.pool.query(`insert into seed_branch_codes (branch_name, branch_code) values (' kiosque salon 2023 ', 'KIO')`);
    await transform({ select: ['dim_branches'], vars: { branch_code_pattern: '^([^ ]+) (B|A)' } });
    expect(await codes()).toEqual(['Paris Bastille=Paris', "Lyon Presqu'île=LYO", 'Köln Altstadt=Köln', 'Kiosque Salon 2023=KIO']);
    await db.pool.query(`delete from seed_branch_codes`);
    await transform({ select: ['dim_branches'] });
    expect(await codes()).toEqual(['Paris Bastille=PAR', "Lyon Presqu'île=LYO", 'Köln Altstadt=KÖL', 'Kiosque Salon 2023=PAR']);
  });

  it('an incremental run brings a changed product, a new order, changed orders and an archived customer; only their rows change', async () => {
    const before = await rowVersions();
    sim.clock.advance(60_000);
    const product = records('product.product').find((p) => p.active === true)!;
    sim.write('product.template', [product.product_tmpl_id as number], { name: 'Café renommé ☕' });
    const customer = records('res.partner').find((p) => p.active === true && (p.customer_rank as number) > 0 && p.is_company === false)!;
    sim.write('res.partner', [customer.id as number], { active: false });

    const template = records('pos.order').find((o) => o.state === 'done' && o.partner_id === false)!;
    const { id: _id, create_date: _c, write_date: _w, create_uid: _cu, write_uid: _wu, ...values } = template;
    const orderId = sim.create('pos.order', { ...values, name: 'Test/9001', pos_reference: 'Order 09001', amount_tax: 1.1, amount_total: 21.1, amount_paid: 21.1 });
    const lineIds = [[product.id, 1, 10], [product.id, 1, 11.1]].map(([productId, qty, incl], i) =>
      sim.create('pos.order.line', {
        order_id: orderId, product_id: productId, name: `Test/9001-${i}`, qty, price_unit: incl, price_subtotal: Number(incl) - 0.55,
        price_subtotal_incl: incl, discount: 0, tax_ids: [], company_id: values.company_id, is_reward_line: false, reward_id: false,
      }));

    // An existing order gets a customer: its lines must follow.
    const changed = records('pos.order').find((o) => o.partner_id === false && o.id !== orderId && o.state === 'done')!;
    const changedLines = sim.store.search('pos.order.line', [['order_id', '=', changed.id]]);
    sim.write('pos.order', [changed.id as number], { partner_id: customer.id });
    // A quotation and an RFQ are cancelled: their lines' order_state must follow.
    const quotation = records('sale.order').find((o) => o.state === 'draft')!;
    const quotationLines = sim.store.search('sale.order.line', [['order_id', '=', quotation.id], ['display_type', '=', false]]);
    sim.write('sale.order', [quotation.id as number], { state: 'cancel' });
    const rfq = records('purchase.order').find((o) => o.state === 'draft')!;
    const rfqLines = sim.store.search('purchase.order.line', [['order_id', '=', rfq.id]]);
    sim.write('purchase.order', [rfq.id as number], { state: 'cancel' });

    sim.clock.advance(60_000);
    await extract();
    await transform();

    expect(changedKeys(before, await rowVersions())).toEqual({
      dim_customers: [String(customer.id)],
      dim_products: [String(product.id)],
      fact_purchase_lines: rfqLines.map(String).sort(),
      fact_purchase_orders: [String(rfq.id)],
      fact_sales: [`pos/${changed.id}`, `pos/${orderId}`, `sale/${quotation.id}`].sort(),
      fact_sales_lines: [...[...lineIds, ...changedLines].map((id) => `pos/${id}`), ...quotationLines.map((id) => `sale/${id}`)].sort(),
    });
    expect(quotationLines.length * rfqLines.length).toBeGreaterThan(0);
    expect(await rows(`select distinct order_state from fact_sales_lines where source = 'sale' and order_id = $1`, [quotation.id])).toEqual([{ order_state: 'cancel' }]);
    expect(await rows(`select distinct order_state from fact_purchase_lines where order_id = $1`, [rfq.id])).toEqual([{ order_state: 'cancel' }]);
    expect(await rows(`select name from dim_products where product_id = $1`, [product.id])).toEqual([{ name: 'Café renommé ☕' }]);
    expect(await rows(`select active from dim_customers where customer_id = $1`, [customer.id])).toEqual([{ active: false }]);
    expect(await rows(`select amount_total::text, amount_untaxed::text, channel, branch_id from fact_sales where source = 'pos' and order_id = $1`, [orderId]))
      .toEqual([{ amount_total: '21.1', amount_untaxed: '20.0', channel: 'in_store', branch_id: values.config_id }]);
    expect(await rows(`select distinct customer_id from fact_sales_lines where source = 'pos' and order_id = $1`, [changed.id]))
      .toEqual([{ customer_id: customer.id }]);
  });

  it('a run with no change rewrites nothing; a full refresh rebuilds the same tables', async () => {
    const before = await rowVersions();
    const results = await transform();
    expect(results.filter((r) => r.materialized === 'incremental' && r.rows !== 0)).toEqual([]);
    expect(changedKeys(before, await rowVersions())).toEqual({});

    const incremental = await martContents();
    expect(Object.keys(incremental)).toHaveLength(29);
    // Every declared mart is rebuilt into a new table and swapped in, its definition exactly as migrated.
    const declared = [...DECLARED_MARTS].sort();
    const definitions = await Promise.all(declared.map((t) => tableDefinition(db.pool, t)));
    const oids = await rows(`select relname, oid::int from pg_class where relname = any($1) order by relname`, [declared]);
    await transform({ fullRefresh: true });
    expect(await martContents()).toEqual(incremental);
    expect(await Promise.all(declared.map((t) => tableDefinition(db.pool, t)))).toEqual(definitions);
    const swapped = await rows(`select relname, oid::int from pg_class where relname = any($1) order by relname`, [declared]);
    expect(swapped.filter((r, i) => r.oid === oids[i].oid).map((r) => r.relname)).toEqual([]);
    expect(await rows(`select relname from pg_class where relname like 'elt\\_new\\_%'`)).toEqual([]);
  });

  it('names come from the related streams: the marts are the same whether a many2one landed as [id, name] or as the bare id', async () => {
    // Channel rules on a customer's display name ('Company, Person') and on a team's name, so fact_sales.channel reads both.
    const order = records('sale.order').find((o) => sim.store.get('res.partner', o.partner_id as number)!.parent_id !== false)!;
    const customerName = sim.store.displayName('res.partner', order.partner_id as number) as string;
    expect(customerName).toMatch(/., ./);
    const team = sim.store.get('crm.team', records('pos.order')[0]!.crm_team_id as number)!;
    await db.pool.query(`insert into seed_sale_channel_rules (priority, source, team_name, partner_name, channel)
                         values ('1', 'sale', '', $1, 'named_customer'), ('2', '', $2, '', 'named_team')`, [customerName, String(team.name).toLowerCase()]);
    const snapCustomers = compileModel(loadProject(projectDir, streamNames(projectConfig())).byName.get('snap_customers')!, { watermarks: null, vars: {} });
    const name = (model: string, id: unknown) => (typeof id === 'number' ? sim.store.displayName(model, id) : null);

    /** Each name as Odoo displays it (the pair's), but a state's: its own name, not 'New York (US)'. */
    async function expectNames(): Promise<void> {
      const partners = records('res.partner');
      const country = (p: RecordValues) => name('res.country', p.country_id);
      const state = (p: RecordValues) => (typeof p.state_id === 'number' ? sim.store.get('res.country.state', p.state_id)!.name : null);
      expect(await rows(`select customer_id as id, country_name, state_name from dim_customers order by customer_id`))
        .toEqual(partners.map((p) => ({ id: p.id, country_name: country(p), state_name: state(p) })));
      expect(partners.filter((p) => state(p) !== null).length).toBeGreaterThan(10);
      expect(await rows(`select customer_id as id, country_name from (${snapCustomers}) as s order by customer_id`))
        .toEqual(partners.map((p) => ({ id: p.id, country_name: country(p) })));
      const templates = new Map(records('product.template').map((t) => [t.id, t]));
      expect(await rows(`select product_id as id, category_name, uom_name, brand_name from dim_products order by product_id`)).toEqual(
        records('product.product').map((p) => {
          const t = templates.get(p.product_tmpl_id)!;
          return { id: p.id, category_name: name('product.category', t.categ_id), uom_name: name('uom.uom', t.uom_id), brand_name: name('product.brand', t.product_brand_id) };
        }),
      );
      expect(await rows(`select count(*)::int as n from dim_products where category_name like '% / %' and uom_name is not null and brand_name is not null`))
        .not.toEqual([{ n: 0 }]);
      expect(await rows(`select order_id as id, currency from fact_purchase_orders order by order_id`))
        .toEqual(records('purchase.order').map((o) => ({ id: o.id, currency: name('res.currency', o.currency_id) })));
      expect(await rows(`select user_id as id, name from dim_users order by user_id`))
        .toEqual(records('res.users').map((u) => ({ id: u.id, name: sim.store.get('res.partner', u.partner_id as number)!.name })));
      const saleOrders = records('sale.order');
      expect(await rows(`select channel, count(*)::int as n from fact_sales where channel like 'named%' group by channel order by channel`)).toEqual([
        { channel: 'named_customer', n: saleOrders.filter((o) => o.partner_id === order.partner_id).length },
        { channel: 'named_team', n: [...records('pos.order'), ...saleOrders.filter((o) => o.partner_id !== order.partner_id)].filter((o) => (o.crm_team_id ?? o.team_id) === team.id).length },
      ]);
    }

    await landManyToOne('pairs');
    expect(await rows(`select data -> 'state_id' as v from raw_res_partner where data -> 'state_id' <> 'false' limit 1`)).toEqual([{ v: [expect.any(Number), expect.stringMatching(/ \([A-Z]{2}\)$/)] }]);
    await transform({ fullRefresh: true });
    await expectNames();
    const withPairs = await martContents();

    await landManyToOne('ids');
    expect(await rows(`select data -> 'state_id' as v from raw_res_partner where data -> 'state_id' <> 'false' limit 1`)).toEqual([{ v: expect.any(Number) }]);
    await transform({ fullRefresh: true });
    await expectNames();
    expect(await martContents()).toEqual(withPairs);
    await db.pool.query(`delete from seed_sale_channel_rules where channel like 'named%'`);
  });
});
