import { beforeEach, describe, expect, it } from 'vitest';
import { retailModels } from '../../src/simulator/models/catalog.ts';
import { Store } from '../../src/simulator/store.ts';
import { fault } from './catch-fault.ts';

const STAMP = { date: '2026-11-23 10:00:00', uid: 2 };
let store: Store;

const search = (model: string, domain: unknown[]) => store.search(model, domain, { activeTest: true, order: 'id' });

beforeEach(() => {
  store = new Store(retailModels({ version: 17 }), () => STAMP);
  store.insert('stock.location', { name: 'WH', usage: 'view', location_id: false, parent_path: '1/' }); // 1
  store.insert('stock.location', { name: 'Stock', usage: 'internal', location_id: 1, parent_path: '1/2/' }); // 2
  store.insert('stock.location', { name: 'Shelf', usage: 'internal', location_id: 2, parent_path: '1/2/3/', active: false }); // 3
  store.insert('stock.location', { name: 'Other', usage: 'internal', location_id: false, parent_path: '4/' }); // 4
  store.insert('stock.location', { name: 'Stock 12', usage: 'internal', location_id: 1, parent_path: '1/12/' }); // 5: '1/12/' is not under '1/2/'
  for (const location of [1, 2, 3, 4, 5]) store.insert('stock.quant', { product_id: 1, location_id: location, quantity: location });
});

describe("child_of, by parent_path as Odoo's parent store does", () => {
  it('on a many2one: the records below the given ones, archived ones included', () => {
    expect(search('stock.quant', [['location_id', 'child_of', [2]]])).toEqual([2, 3]);
    expect(search('stock.quant', [['location_id', 'child_of', 1]])).toEqual([1, 2, 3, 5]);
    expect(search('stock.quant', [['location_id', 'child_of', [2, 4]]])).toEqual([2, 3, 4]);
  });

  it('on id, and through a path', () => {
    expect(search('stock.location', [['id', 'child_of', [2]]])).toEqual([2]);
    expect(store.search('stock.location', [['id', 'child_of', [2]]], { activeTest: false, order: 'id' })).toEqual([2, 3]);
    expect(search('stock.quant', [['location_id.location_id', 'child_of', [1]]])).toEqual([2, 3, 5]);
  });

  it('names instead of ids, and parent_of, are not modelled', () => {
    expect(fault(() => search('stock.quant', [['location_id', 'child_of', 'WH']])).faultString).toContain("implements 'child_of' with ids only");
    expect(fault(() => search('stock.quant', [['location_id', 'parent_of', [3]]])).faultString).toContain("does not implement 'parent_of'");
  });
});
