import type { RecordValues } from '../model-def.ts';
import type { Rng } from './random.ts';
import { cumulate } from './random.ts';
import { invoiceableLine, type World } from './world.ts';
import { DAY_MS, HOUR_MS, fmtDatetime, round2 } from './format.ts';

/** Purchase orders (RFQs, confirmed, locked, cancelled) with their lines, written in date order. */

export const PURCHASE_ORDERS_PER_SCALE = 100;
const LINES = cumulate([8, 14, 20, 20, 16, 10, 7, 5]); // 1..8, mean ~4

function purchaseState(rng: Rng, ageDays: number): string {
  const r = rng.next();
  if (ageDays > 10) return r < 0.62 ? 'purchase' : r < 0.82 ? 'done' : r < 0.88 ? 'cancel' : r < 0.94 ? 'draft' : 'sent';
  return r < 0.55 ? 'purchase' : r < 0.8 ? 'draft' : r < 0.95 ? 'sent' : 'to approve';
}

export function seedPurchases(world: World, rng: Rng, scale: number): void {
  const { seeder } = world;
  const count = Math.round(PURCHASE_ORDERS_PER_SCALE * scale);
  const products = world.products.filter((p) => p.active && p.listPrice > 0);
  const span = world.now - HOUR_MS - world.windowStart;
  const vendors = world.vendors.slice(0, 13); // the last two vendors are archived or rarely used
  for (let k = 0; k < count; k++) {
    const created = world.windowStart + ((k + rng.float(0.05, 0.95)) / count) * span;
    const age = (world.now - created) / DAY_MS;
    const state = purchaseState(rng, age);
    const confirmed = state === 'purchase' || state === 'done';
    const approve = confirmed ? Math.min(created + rng.float(0.05, 2) * DAY_MS, world.now - 60_000) : undefined;
    const planned = created + rng.int(3, 10) * DAY_MS;
    const arrived = confirmed && planned < world.now;
    const receipt = !confirmed ? false : arrived ? (rng.chance(0.85) ? 'full' : 'partial') : 'pending';
    const billed = state === 'done' || (arrived && rng.chance(0.5));
    const wh = world.warehouses[k % world.warehouses.length]!;
    const orderId = seeder.peek('purchase.order');
    const lastTouch = Math.min(world.now, arrived ? planned + rng.float(0, 2) * DAY_MS : approve ?? created);
    const stamp = { create: created, write: lastTouch, uid: world.users.buyer };
    const vendor = vendors[rng.int(0, vendors.length - 1)]!;
    const lines: RecordValues[] = [];
    let untaxed = 0;
    let tax = 0;
    const n = 1 + rng.weighted(LINES);
    for (let i = 0; i < n; i++) {
      const product = products[rng.int(0, products.length - 1)]!;
      const qty = product.weighed ? rng.int(5, 40) : rng.pick([6, 12, 12, 24, 36, 48, 120]);
      const price = rng.chance(0.2) ? round2(product.cost * rng.float(0.95, 1.05)) : product.cost;
      const discount = rng.chance(0.08) ? 5 : 0;
      const rate = world.taxes.rates.get(product.purchaseTax) ?? 0;
      const subtotal = round2(qty * price * (1 - discount / 100));
      const lineTax = round2(subtotal * rate);
      const received = receipt === 'full' ? qty : receipt === 'partial' ? (i === 0 ? Math.floor(qty / 2) : qty) : 0;
      const invoiced = billed ? received : 0;
      untaxed += subtotal;
      tax += lineTax;
      lines.push({
        name: product.displayName, sequence: 10 + i, product_qty: qty, product_uom_qty: qty, date_planned: fmtDatetime(planned),
        taxes_id: [product.purchaseTax], product_uom: product.uomId, product_id: product.id, price_unit: price, discount,
        price_subtotal: subtotal, price_total: round2(subtotal + lineTax), price_tax: lineTax, order_id: orderId,
        company_id: world.companyId, state, partner_id: vendor, currency_id: world.currencyId, qty_invoiced: invoiced,
        qty_received: received, qty_to_invoice: confirmed ? received - invoiced : 0, display_type: false,
      });
    }
    const order: RecordValues = {
      name: `P${String(orderId).padStart(5, '0')}`, priority: rng.chance(0.1) ? '1' : '0',
      origin: rng.chance(0.3) ? `Réappro ${wh.code}` : false, partner_ref: rng.chance(0.5) ? `VND-${rng.int(10000, 99999)}` : false,
      date_order: fmtDatetime(created), date_approve: approve === undefined ? false : fmtDatetime(approve), partner_id: vendor,
      currency_id: world.currencyId, state, notes: false,
      invoice_status: !confirmed ? 'no' : billed && receipt === 'full' ? 'invoiced' : receipt === 'pending' ? 'no' : 'to invoice',
      date_planned: fmtDatetime(planned), amount_untaxed: round2(untaxed), amount_tax: round2(tax), amount_total: round2(untaxed + tax),
      user_id: world.users.buyer, company_id: world.companyId, currency_rate: 1, picking_type_id: wh.types.in,
      receipt_status: receipt, effective_date: arrived ? fmtDatetime(Math.min(planned, world.now)) : false,
    };
    seeder.insert('purchase.order', order, stamp);
    const firstLineId = seeder.peek('purchase.order.line');
    for (const line of lines) seeder.insert('purchase.order.line', line, stamp);
    if (approve !== undefined && lines.some((l) => (l.qty_invoiced as number) > 0)) {
      world.billedPurchases.push({
        orderId, name: order.name as string, vendorId: vendor, partnerRef: order.partner_ref as string | false, approvedAt: approve,
        billedAt: lastTouch, lines: lines.map((l, i) => invoiceableLine(l, firstLineId + i, 'taxes_id')),
      });
    }
  }
}
