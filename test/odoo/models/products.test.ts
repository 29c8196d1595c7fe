import { describe, expect, it } from 'vitest';
import { products } from '../../../src/odoo/models/products.ts';
import { collect, ids, simulatedOdoo, VERSIONS } from '../../support/simulated-odoo.ts';

const ARCHIVED_TOO = { context: { active_test: false } } as const;

describe.each(VERSIONS)('products on Odoo %i', (version) => {
  const t = simulatedOdoo(version);

  it('availableInPos: those sold in the POS, or those not', async () => {
    const inPos = await collect(products(t.odoo, { availableInPos: true }));
    const notInPos = await collect(products(t.odoo, { availableInPos: false, includeArchived: true }));
    expect(inPos.length).toBe(await t.odoo.searchCount('product.product', [['available_in_pos', '=', true]]));
    expect(notInPos.length).toBe(await t.odoo.searchCount('product.product', [['available_in_pos', '=', false]], ARCHIVED_TOO));
    expect(inPos.length).toBeGreaterThan(0);
    expect(notInPos.length).toBeGreaterThan(0);
    expect(inPos.every((p) => p.available_in_pos === true && p.active)).toBe(true);
  });

  it("reads this version's fields and never one the server lacks", async () => {
    const [product] = await collect(products(t.odoo, { limit: 1 }));
    expect(product!.display_name).toMatch(/^\[.+\] /);
    if (version >= 18) {
      expect(product).toHaveProperty('is_storable');
      expect(product).not.toHaveProperty('detailed_type');
    } else {
      expect(product).toHaveProperty('detailed_type');
      expect(product).not.toHaveProperty('is_storable');
    }
    // fields_get once per client and model, however many helper calls
    expect(t.sim.calls.filter((c) => c.model === 'product.product' && c.method === 'fields_get').length).toBe(1);
    const known = Object.keys(await t.odoo.fieldsGet('product.product', ['type']));
    const reads = t.sim.calls.filter((c) => c.model === 'product.product' && c.method === 'search_read');
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(known).toEqual(expect.arrayContaining(read.kwargs.fields as string[]));
  });

  it('pages by keyset: id > last, never an offset', async () => {
    const all = await collect(products(t.odoo, { includeArchived: true, pageSize: 50 }));
    expect(ids(all)).toEqual(await t.odoo.search('product.product', [], { order: 'id', ...ARCHIVED_TOO }));
    const reads = t.sim.calls.filter((c) => c.model === 'product.product' && c.method === 'search_read' && c.kwargs.limit === 50);
    expect(reads.length).toBeGreaterThanOrEqual(Math.ceil(all.length / 50));
    const after = reads.map((c) => JSON.stringify(c.args[0]).match(/\["id",">",(\d+)\]/)?.[1]);
    expect(after.slice(0, 3)).toEqual(['0', String(all[49]!.id), String(all[99]!.id)]);
    expect(reads.every((c) => c.kwargs.offset === undefined)).toBe(true);
  });
});
