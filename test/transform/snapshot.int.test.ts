/**
 * Snapshots on the simulator, through extract and staging as in production:
 * a change in Odoo between two runs adds exactly one version, a run with no
 * change adds none, a deleted record's version is closed.
 */
import { fileURLToPath } from 'node:url';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { streamNames } from '../../src/extract/streams.ts';
import { runTransform } from '../../src/transform/run-transform.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const STREAMS = ['product.product', 'product.template', 'res.partner', 'res.country'];
const SNAPSHOTS = ['snap_product_prices', 'snap_customers'];
let sim: Simulator;
let db: FreshDatabase;
let odoo: OdooClient;
let clock = 3_600_000;

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 17 });
  sim.clock.set(simTime(clock));
  db = await freshDatabase();
  odoo = await connect(sim);
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

/** Extract the four streams (with delete detection), then run the snapshots, as elt run would. */
async function cycle(): Promise<Record<string, number | null>> {
  clock += 600_000;
  sim.clock.set(simTime(clock));
  const extracted = await runExtract(odoo, db.pool, projectConfig(), { streams: STREAMS, detectDeletes: true }, memoryLog());
  for (const r of extracted) expect(r.status, r.error).toBe('success');
  const results = await runTransform(db.pool, { projectDir: repo, select: SNAPSHOTS, streams: streamNames(projectConfig()) }, memoryLog());
  for (const r of results) expect(r.status, r.error).toBe('success');
  return Object.fromEntries(results.map((r) => [r.model, r.rows]));
}
async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  return Object.values((await db.pool.query(sql, params)).rows[0] as object)[0] as T;
}
const versions = (table: string) => one<number>(`select count(*)::int from ${table}`);

describe('snapshots (history, SCD type 2)', () => {
  let products = 0;
  let partners = 0;

  it('the first run gives every record its first, open version', async () => {
    const written = await cycle();
    products = await one<number>(`select count(*)::int from raw_product_product`);
    partners = await one<number>(`select count(*)::int from raw_res_partner`);
    expect(products).toBeGreaterThan(50);
    expect(written).toEqual({ snap_product_prices: products, snap_customers: partners });
    expect(await one(`select count(*)::int from snap_product_prices where valid_to is null`)).toBe(products);
    expect(await one(`select count(*)::int from snap_customers where valid_to is null`)).toBe(partners);
    // The country's name comes from res.country, whichever shape the partner's country_id landed in.
    const [partner] = sim.store.search('res.partner', [['country_id', '!=', false]], { activeTest: false, limit: 1, order: 'id' });
    const country = sim.store.get('res.country', sim.store.get('res.partner', partner!)!.country_id as number)!;
    expect(await one(`select country_name from snap_customers where customer_id = $1`, [partner])).toBe(country.name);
    expect(await one(`select count(*)::int from snap_customers where country_id is not null and country_name is null`)).toBe(0);
  });

  it('a run with no change in Odoo adds no version', async () => {
    expect(await cycle()).toEqual({ snap_product_prices: 0, snap_customers: 0 });
    expect(await versions('snap_product_prices')).toBe(products);
    expect(await versions('snap_customers')).toBe(partners);
  });

  it('a price change, a cost change and an edited partner each add exactly one version; the old one is closed where the new starts', async () => {
    const [product] = (await db.pool.query(`select id, product_tmpl_id as tmpl from stg_product_product where active order by id limit 1`)).rows;
    const [other] = (await db.pool.query(`select id from stg_product_product where product_tmpl_id <> $1 order by id limit 1`, [product.tmpl])).rows;
    const variants = await one<number>(`select count(*)::int from stg_product_product where product_tmpl_id = $1`, [product.tmpl]);
    const partner = await one<number>(`select id from stg_res_partner where active order by id limit 1`);
    await odoo.executeKw('product.template', 'write', [[Number(product.tmpl)], { list_price: 123.45 }]);
    await odoo.executeKw('product.product', 'write', [[Number(other.id)], { standard_price: 7.5 }]);
    await odoo.executeKw('res.partner', 'write', [[partner], { city: 'Gent' }]);
    // A write that touches neither price nor cost moves write_date but adds no price version.
    await odoo.executeKw('product.product', 'write', [[Number(other.id)], { barcode: 'SNAP-0001' }]);

    expect(await cycle()).toEqual({ snap_product_prices: variants + 1, snap_customers: 1 });
    expect(await versions('snap_product_prices')).toBe(products + variants + 1);
    const history = (await db.pool.query(
      `select list_price::text, valid_to is null as current, valid_from from snap_product_prices where product_id = $1 order by valid_from`, [product.id],
    )).rows;
    expect(history.map((h) => [h.list_price, h.current])).toEqual([[expect.any(String), false], ['123.45', true]]);
    expect(await one(`select count(*)::int from snap_product_prices p join snap_product_prices q using (product_id)
                       where p.valid_to = q.valid_from and p.product_id = $1`, [product.id])).toBe(1);
    expect(await one(`select standard_price::text from snap_product_prices where product_id = $1 and valid_to is null`, [other.id])).toBe('7.5');
    // strategy timestamp: the new version starts at the partner's write_date.
    expect((await db.pool.query(`select city, valid_from = (select write_date at time zone 'UTC' from stg_res_partner where id = $1) as at_write from snap_customers where customer_id = $1 and valid_to is null`, [partner])).rows)
      .toEqual([{ city: 'Gent', at_write: true }]);
    expect(await one(`select count(*)::int from snap_customers where customer_id = $1`, [partner])).toBe(2);
    expect(await cycle()).toEqual({ snap_product_prices: 0, snap_customers: 0 });
  });

  it('a partner created then deleted in Odoo gets a version, then has it closed (hard_deletes: invalidate), its history kept', async () => {
    const partner = Number(await odoo.executeKw('res.partner', 'create', [{ name: 'Snapshot Test Customer', city: 'Brugge' }]));
    expect(await cycle()).toEqual({ snap_product_prices: 0, snap_customers: 1 });
    expect(await one(`select count(*)::int from snap_customers where customer_id = $1 and valid_to is null`, [partner])).toBe(1);
    await odoo.executeKw('res.partner', 'unlink', [[partner]]);
    expect(await cycle()).toEqual({ snap_product_prices: 0, snap_customers: 1 });
    expect((await db.pool.query(`select city, valid_to is not null as closed from snap_customers where customer_id = $1`, [partner])).rows).toEqual([{ city: 'Brugge', closed: true }]);
    expect(await cycle()).toEqual({ snap_product_prices: 0, snap_customers: 0 });
  });
});
