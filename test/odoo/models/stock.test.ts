import { beforeAll, describe, expect, it } from 'vitest';
import { stockQuants } from '../../../src/odoo/models/stock.ts';
import { collect, ids, simulatedOdoo, VERSIONS } from '../../support/simulated-odoo.ts';

type Location = { id: number; usage: string; location_id: [number, string] | false };

describe.each(VERSIONS)('stock quants on Odoo %i', (version) => {
  const t = simulatedOdoo(version);
  let locations: Location[];
  let sold: number;

  beforeAll(async () => {
    locations = await t.odoo.searchRead<Location>('stock.location', [], { fields: ['usage', 'location_id'], context: { active_test: false } });
    // What a delivery leaves behind: a quant in the customers' (virtual) location
    const [quant] = t.sim.store.search('stock.quant', []).map((id) => t.sim.store.get('stock.quant', id)!);
    const customers = locations.find((l) => l.usage === 'customer')!.id;
    sold = t.sim.create('stock.quant', { product_id: quant!.product_id, location_id: customers, quantity: -2, reserved_quantity: 0, in_date: '2026-11-01 10:00:00' });
  });

  it('the stock on hand by default: quants of internal locations only', async () => {
    const onHand = await collect(stockQuants(t.odoo));
    expect(onHand.length).toBe(await t.odoo.searchCount('stock.quant', [['location_id.usage', '=', 'internal']]));
    expect(ids(onHand)).not.toContain(sold);
    const every = await collect(stockQuants(t.odoo, { internalOnly: false }));
    expect(every.length).toBe(await t.odoo.searchCount('stock.quant', []));
    expect(ids(every)).toContain(sold);
    expect(every.length).toBe(onHand.length + 1);
  });

  it('locationIds: the quants of a location and of every location below it', async () => {
    const parent = new Map(locations.map((l) => [l.id, l.location_id && l.location_id[0]]));
    const within = (id: number | false, top: number): boolean => id !== false && (id === top || within(parent.get(id) ?? false, top));
    const every = await collect(stockQuants(t.odoo, { internalOnly: false }));
    // a warehouse's view location: it holds no quant itself, its Stock location (and what is below) does
    const view = locations.find((l) => l.usage === 'view' && every.some((q) => within(q.location_id && q.location_id[0], l.id) && l.location_id !== false))!;
    const expected = every.filter((q) => within(q.location_id && q.location_id[0], view.id));
    const found = await collect(stockQuants(t.odoo, { locationIds: [view.id] }));
    expect(ids(found)).toEqual(ids(expected));
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(every.length);
  });

  it('productIds, and the fields that matter', async () => {
    const [first] = await collect(stockQuants(t.odoo, { limit: 1 }));
    const product = first!.product_id && first!.product_id[0];
    const found = await collect(stockQuants(t.odoo, { productIds: [product as number] }));
    expect(found.length).toBe(await t.odoo.searchCount('stock.quant', [['product_id', '=', product], ['location_id.usage', '=', 'internal']]));
    expect(found[0]).toMatchObject({ warehouse_id: [expect.any(Number), expect.any(String)], quantity: expect.any(Number) });
    expect(found[0]!.available_quantity).toBeCloseTo(found[0]!.quantity - found[0]!.reserved_quantity);
  });
});
