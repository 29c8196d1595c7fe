import type { Rng } from './random.ts';
import type { WarehouseInfo, World } from './world.ts';
import { installStamp, masterStamp } from './world.ts';
import { DAY_MS, fmtDate, fmtDatetime, round3 } from './format.ts';
import { partnerValues, stateId } from './base-data.ts';

/** Stock locations, warehouses (one per shop), operation types and quants. */

export const BRANCHES = [
  { code: 'PAR', name: 'Paris Bastille', shop: 'Boutique Bastille', street: '12 rue de la Roquette', zip: '75011', city: 'Paris', country: 'FR', weight: 1.4 },
  { code: 'LYO', name: 'Lyon Presqu\'île', shop: 'Boutique Presqu\'île', street: '5 place Bellecour', zip: '69002', city: 'Lyon', country: 'FR', weight: 1 },
  { code: 'KÖL', name: 'Köln Altstadt', shop: 'Laden Köln', street: 'Hohe Straße 41', zip: '50667', city: 'Köln', country: 'DE', state: 'DE-NW', weight: 0.7 },
] as const;

interface LocationSpec {
  name: string;
  usage: string;
  parent: number | false;
  warehouse: number | false;
  active?: boolean;
  scrap?: boolean;
}

export function seedStock(world: World, rng: Rng): void {
  const { seeder } = world;
  const names = new Map<number, string>();
  const paths = new Map<number, string>();
  const location = (spec: LocationSpec, stamp = installStamp(world, 6)): number => {
    const id = seeder.peek('stock.location');
    const parentName = spec.parent === false ? undefined : names.get(spec.parent);
    // `_compute_complete_name`: views (and roots) show their own name only.
    const complete = parentName !== undefined && spec.usage !== 'view' ? `${parentName}/${spec.name}` : spec.name;
    const path = `${spec.parent === false ? '' : paths.get(spec.parent)}${id}/`;
    seeder.insert('stock.location', {
      name: spec.name, complete_name: complete, active: spec.active ?? true, usage: spec.usage, location_id: spec.parent,
      comment: false, posx: 0, posy: 0, posz: 0, parent_path: path,
      company_id: spec.usage === 'internal' || (spec.usage === 'view' && spec.warehouse !== false) ? world.companyId : false,
      scrap_location: spec.scrap ?? false, return_location: false, replenish_location: spec.name === 'Stock',
      barcode: spec.name === 'Stock' && spec.warehouse ? `WH${spec.warehouse}-STOCK` : false, warehouse_id: spec.warehouse,
      cyclic_inventory_frequency: 0, last_inventory_date: spec.usage === 'internal' ? fmtDate(world.now - rng.int(20, 200) * DAY_MS) : false,
    }, stamp);
    names.set(id, complete);
    paths.set(id, path);
    return id;
  };
  const physical = location({ name: 'Physical Locations', usage: 'view', parent: false, warehouse: false });
  const partners = location({ name: 'Partners', usage: 'view', parent: false, warehouse: false });
  const vendors = location({ name: 'Vendors', usage: 'supplier', parent: partners, warehouse: false });
  const customers = location({ name: 'Customers', usage: 'customer', parent: partners, warehouse: false });
  const virtual = location({ name: 'Virtual Locations', usage: 'view', parent: false, warehouse: false });
  location({ name: 'Inventory adjustment', usage: 'inventory', parent: virtual, warehouse: false });
  location({ name: 'Scrap', usage: 'inventory', parent: virtual, warehouse: false, scrap: true });
  location({ name: 'Inter-warehouse transit', usage: 'transit', parent: physical, warehouse: false });

  const firstWarehouse = seeder.peek('stock.warehouse');
  const firstType = seeder.peek('stock.picking.type');
  const specs = BRANCHES.map((branch, b) => {
    const warehouse = firstWarehouse + b;
    const view = location({ name: branch.code, usage: 'view', parent: physical, warehouse });
    const stock = location({ name: 'Stock', usage: 'internal', parent: view, warehouse });
    const internal = [stock];
    const shelves = ['Réserve', 'Rayon 1', 'Rayon 2'];
    for (const shelf of shelves) internal.push(location({ name: shelf, usage: 'internal', parent: stock, warehouse }, masterStamp(world, rng)));
    // A shelf that was dismantled: archived, as Odoo keeps locations forever.
    if (b === 0) location({ name: 'Ancien rayon 中', usage: 'internal', parent: stock, warehouse, active: false }, masterStamp(world, rng));
    return { branch, warehouse, view, stock, internal };
  });

  for (const [b, spec] of specs.entries()) {
    const stamp = masterStamp(world, rng);
    const addressId = seeder.insert('res.partner', partnerValues(world.version, {
      name: spec.branch.shop, complete_name: `Maison Lumière SAS, ${spec.branch.shop}`, parent_id: world.companyPartnerId,
      type: 'other', street: spec.branch.street, zip: spec.branch.zip, city: spec.branch.city,
      state_id: stateId(world, spec.branch.country, 'state' in spec.branch ? spec.branch.state : undefined),
      country_id: world.countries.get(spec.branch.country)!, company_id: world.companyId,
      commercial_partner_id: world.companyPartnerId, commercial_company_name: 'Maison Lumière SAS',
      phone: `+33 4 72 00 ${String(10 + b).padStart(2, '0')} ${String(20 + b).padStart(2, '0')}`,
    }), stamp);
    const types = { in: firstType + b * 4, out: firstType + b * 4 + 1, int: firstType + b * 4 + 2, pos: firstType + b * 4 + 3 };
    seeder.insert('stock.warehouse', {
      name: spec.branch.name, active: true, company_id: world.companyId, partner_id: addressId, view_location_id: spec.view,
      lot_stock_id: spec.stock, code: spec.branch.code, reception_steps: 'one_step', delivery_steps: 'ship_only',
      in_type_id: types.in, out_type_id: types.out, int_type_id: types.int, pos_type_id: types.pos, sequence: 10 * (b + 1),
    }, stamp);
    const info: WarehouseInfo = {
      id: spec.warehouse, code: spec.branch.code, name: spec.branch.name, partnerId: addressId, viewLocationId: spec.view,
      stockLocationId: spec.stock, internalLocationIds: spec.internal, types,
    };
    world.warehouses.push(info);
  }
  for (const wh of world.warehouses) {
    const type = (name: string, code: string, prefix: string, src: number | false, dest: number | false, ret: number | false, seq: number) =>
      seeder.insert('stock.picking.type', {
        name, color: 0, sequence: seq, sequence_code: prefix, default_location_src_id: src, default_location_dest_id: dest,
        code, return_picking_type_id: ret, warehouse_id: wh.id, active: true, company_id: world.companyId,
        barcode: `${wh.code}-${prefix}`, reservation_method: 'at_confirm',
      }, installStamp(world, 7));
    type('Receipts', 'incoming', 'IN', vendors, wh.stockLocationId, wh.types.out, 1);
    type('Delivery Orders', 'outgoing', 'OUT', wh.stockLocationId, customers, wh.types.in, 2);
    type('Internal Transfers', 'internal', 'INT', wh.stockLocationId, wh.stockLocationId, false, 3);
    type('PoS Orders', 'outgoing', 'POS', wh.stockLocationId, customers, wh.types.in, 4);
  }
}

/** On-hand quantities: each storable product in about half the shops. */
export function seedQuants(world: World, rng: Rng): void {
  const { seeder } = world;
  for (const product of world.products) {
    if (!product.storable) continue;
    for (const wh of world.warehouses) {
      if (!rng.chance(0.62)) continue;
      const location = rng.chance(0.75) ? wh.stockLocationId : rng.pick(wh.internalLocationIds);
      const roll = rng.next();
      // Negative stock exists in real shops (sold before the receipt was validated).
      const quantity = roll < 0.05 ? -rng.int(1, 6) : roll < 0.13 ? 0 : product.weighed ? round3(rng.float(1, 60)) : rng.int(1, 120);
      const reserved = quantity > 4 && rng.chance(0.1) ? rng.int(1, Math.floor(quantity / 2)) : 0;
      const counting = rng.chance(0.05);
      const counted = counting ? Math.max(0, quantity + rng.int(-3, 2)) : 0;
      const inDate = world.installedAt + rng.float(0.3, 1) * (world.now - world.installedAt);
      const write = Math.max(inDate, world.now - rng.float(0, 30) * DAY_MS);
      seeder.insert('stock.quant', {
        product_id: product.id, company_id: world.companyId, location_id: location, owner_id: false, quantity,
        reserved_quantity: reserved, in_date: fmtDatetime(inDate), inventory_quantity: counted,
        inventory_diff_quantity: counting ? counted - quantity : 0,
        inventory_date: fmtDate(world.now + rng.int(5, 60) * DAY_MS), inventory_quantity_set: counting,
        user_id: counting ? world.users.managers[world.warehouses.indexOf(wh)]! : false,
      }, { create: inDate, write, uid: world.users.managers[world.warehouses.indexOf(wh)]! });
    }
  }
}
