/** `iterate` and `pages`: every record once, in id order, in keyset pages (never an offset), as the extractor reads. */
import { describe, expect, it } from 'vitest';
import type { OdooRecord } from '../../src/odoo/client.ts';
import { domainOf } from '../../src/odoo/domain-builder.ts';
import { collect, simulatedOdoo } from '../support/simulated-odoo.ts';

const simulated = simulatedOdoo(17, { scale: 0.1, seed: 11 });

describe('OdooClient.iterate', () => {
  it('yields every matching record once, in id order, one search_read per page without offsets', async () => {
    const domain = domainOf().notEquals('state', 'cancel').build();
    const expected = simulated.sim.store.search('pos.order', [['state', '!=', 'cancel']], { order: 'id' });
    expect(expected.length).toBeGreaterThan(100);
    const before = simulated.sim.calls.length;
    const orders = await collect(simulated.odoo.iterate<OdooRecord & { amount_total: number }>('pos.order', domain, { fields: ['amount_total'], pageSize: 7 }));
    expect(orders.map((o) => o.id)).toEqual(expected);
    expect(orders[0]).toEqual({ id: expected[0], amount_total: simulated.sim.store.get('pos.order', expected[0]!)!.amount_total });
    const reads = simulated.sim.calls.slice(before).filter((c) => c.method === 'search_read');
    // Full pages, then the short last one (or an empty one when the count divides evenly).
    expect(reads).toHaveLength(Math.floor(expected.length / 7) + 1);
    expect(reads.every((c) => c.kwargs.offset === undefined && c.kwargs.order === 'id' && c.kwargs.limit === 7)).toBe(true);
    expect(reads[1]!.args[0]).toEqual(['&', ['state', '!=', 'cancel'], ['id', '>', expected[6]]]);
  });

  it('starts after a given id, and pages() gives the same records in arrays of pageSize', async () => {
    const all = simulated.sim.store.search('product.product', [], { order: 'id' });
    const after = all[4]!;
    const pages = await collect(simulated.odoo.pages('product.product', [], { fields: ['name'], pageSize: 50, after }));
    expect(pages.slice(0, -1).every((page) => page.length === 50)).toBe(true);
    expect(pages.flat().map((p) => p.id)).toEqual(all.slice(5));
  });

  it('hides archived records unless active_test is false, as Odoo does', async () => {
    const active = simulated.sim.store.search('product.product', [], { order: 'id' });
    const every = simulated.sim.store.search('product.product', [], { order: 'id', activeTest: false });
    expect(every.length).toBeGreaterThan(active.length);
    expect((await collect(simulated.odoo.iterate('product.product', [], { fields: ['name'] }))).map((p) => p.id)).toEqual(active);
    expect((await collect(simulated.odoo.iterate('product.product', [], { fields: ['name'], context: { active_test: false } }))).map((p) => p.id)).toEqual(every);
  });

  it('gives bare many2one ids with displayNames: false and pairs by default', async () => {
    const first: [string, '=', number] = ['id', '=', simulated.sim.store.search('pos.order', [], { order: 'id' })[0]!];
    const [paired] = await collect(simulated.odoo.iterate('pos.order', [first], { fields: ['session_id'] }));
    const [bare] = await collect(simulated.odoo.iterate('pos.order', [first], { fields: ['session_id'], displayNames: false }));
    expect(typeof bare!.session_id).toBe('number');
    expect(paired!.session_id).toEqual([bare!.session_id, expect.any(String)]);
  });

  it('yields nothing when nothing matches, and refuses a page size that is not a whole number', async () => {
    expect(await collect(simulated.odoo.iterate('pos.order', [['id', '=', -1]], { fields: ['name'] }))).toEqual([]);
    await expect(collect(simulated.odoo.iterate('pos.order', [], { fields: ['name'], pageSize: 0 }))).rejects.toThrow('pageSize must be a whole number of 1 or more, got 0');
  });
});
