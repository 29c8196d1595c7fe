/**
 * The default warehouse's contract with Odoo (the catalog's warehouseFields):
 * with staging views made from the expected fields alone, as for an Odoo
 * that reports none of them, every default mart runs. So a mart reads no
 * column the catalog does not promise, and a field this Odoo lacks is a NULL.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { memoryLog, projectConfig } from '../support/odoo.ts';
import { landRecords } from '../../src/db/raw-tables.ts';
import { inTransaction } from '../../src/db/pool.ts';
import { stageCatalogStreams } from '../../src/extract/catalog-staging.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { streamNames } from '../../src/extract/streams.ts';
import { stagingViewName } from '../../src/db/staging.ts';
import { loadSeeds } from '../../src/transform/seeds.ts';
import { runTransform } from '../../src/transform/run-transform.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
let db: Awaited<ReturnType<typeof freshDatabase>>;
const transform = () => runTransform(db.pool, { projectDir, streams: streamNames(projectConfig()) }, memoryLog());

beforeAll(async () => {
  db = await freshDatabase();
  await loadSeeds(db.pool, join(projectDir, 'sql', 'seeds'));
});
afterAll(async () => {
  await db?.drop();
});

describe('the default warehouse on staging views made from the expected fields alone', () => {
  it('before any extract, a mart says which extract makes the view it reads', async () => {
    const results = await transform();
    const brands = results.find((r) => r.model === 'dim_brands')!;
    expect(brands.status).toBe('failed');
    expect(brands.error).toMatch(/^sql\/marts\/dim_brands\.sql:\d+:\d+: relation "stg_product_brand" does not exist: elt extract makes it \(elt extract --streams product\.brand\)$/);
  });

  it('every mart runs, and reads a field no record has as NULL', async () => {
    const views = await stageCatalogStreams(db.pool);
    expect(views).toEqual(BUILTIN_STREAMS.map((s) => stagingViewName(s.model)));
    // Made again only when something changed: a second call writes nothing.
    expect(await stageCatalogStreams(db.pool)).toEqual([]);
    // Landed by other means than extract (no field recorded): the views read them through the expected fields.
    await inTransaction(db.pool, (c) => landRecords(c, 'pos.order', [{ id: 1, name: 'Shop/0001', amount_total: 12.5, amount_tax: 2.5, date_order: '2026-11-07 08:00:00', lines: [10] }]));
    await inTransaction(db.pool, (c) => landRecords(c, 'pos.order.line', [{ id: 10, order_id: [1, 'Shop/0001'], qty: 2, price_subtotal_incl: 12.5 }]));

    const results = await transform();
    expect(results.filter((r) => r.status !== 'success').map((r) => `${r.model}: ${r.error}`)).toEqual([]);
    expect(results.filter((r) => /^(?:dim|fact)_|^aging_by_partner$/.test(r.model))).toHaveLength(30);
    const { rows } = await db.pool.query(`select line_id, order_id, qty::text, price_subtotal_incl::text, is_reward_line, reward_id, to_char(date_order at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as date_order, customer_id, cost, cost_source from fact_sales_lines`);
    expect(rows).toEqual([{ line_id: 10, order_id: 1, qty: '2', price_subtotal_incl: '12.5', is_reward_line: false, reward_id: null, date_order: '2026-11-07 08:00', customer_id: null, cost: null, cost_source: null }]);
  });
});
