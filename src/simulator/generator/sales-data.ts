import type { RecordValues } from '../model-def.ts';
import type { Rng } from './random.ts';
import { cumulate } from './random.ts';
import type { PartnerInfo, ProductInfo, World } from './world.ts';
import { invoiceableLine } from './world.ts';
import { DAY_MS, HOUR_MS, fmtDate, fmtDatetime, round2 } from './format.ts';

/** Sale orders (quotations, confirmed, cancelled) with their lines, written in date order. */

export const SALE_ORDERS_PER_SCALE = 200;
const LINES = cumulate([22, 25, 22, 14, 9, 5, 3]); // 1..7, mean ~3

export function seedSales(world: World, rng: Rng, scale: number): void {
  const count = Math.round(SALE_ORDERS_PER_SCALE * scale);
  const products = world.products.filter((p) => p.active && p.listPrice > 0);
  const buyers = world.customers.filter((c) => c.active);
  const span = world.now - HOUR_MS - world.windowStart;
  for (let k = 0; k < count; k++) {
    const created = world.windowStart + ((k + rng.float(0.05, 0.95)) / count) * span;
    let customer = buyers[rng.int(0, buyers.length - 1)]!;
    for (let tries = 0; tries < 5 && customer.createdAt >= created; tries++) customer = buyers[rng.int(0, buyers.length - 1)]!;
    if (customer.createdAt >= created) customer = buyers.find((b) => b.createdAt < created) ?? customer;
    seedSaleOrder(world, rng, products, customer, created);
  }
}

function saleState(rng: Rng, ageDays: number): string {
  const r = rng.next();
  if (ageDays > 7) return r < 0.78 ? 'sale' : r < 0.85 ? 'cancel' : r < 0.93 ? 'draft' : 'sent';
  return r < 0.5 ? 'sale' : r < 0.8 ? 'draft' : 'sent';
}

function seedSaleOrder(world: World, rng: Rng, products: ProductInfo[], customer: PartnerInfo, created: number): void {
  const { seeder } = world;
  const age = (world.now - created) / DAY_MS;
  const state = saleState(rng, age);
  const confirmed = state === 'sale';
  const dateOrder = confirmed ? Math.min(created + rng.float(0, 3) * DAY_MS, world.now - 60_000) : created;
  const delivered = confirmed && age > 3 ? (rng.chance(0.85) ? 'full' : 'partial') : confirmed ? 'pending' : false;
  const invoicedShare = confirmed && delivered === 'full' ? (rng.chance(0.7) ? 1 : 0) : 0;
  const company = customer.isCompany || customer.commercialId !== customer.id;
  const channel = company ? (rng.chance(0.3) ? 'phone' : false) : rng.pick(['web', 'web', 'store', 'phone', false]);
  const team = company ? world.teams.b2b : channel === 'web' ? world.teams.web : world.teams.store;
  const salesman = company ? world.users.salesRep : rng.chance(0.5) ? world.users.admin : rng.pick(world.users.managers);
  const orderId = seeder.peek('sale.order');
  const lastTouch = delivered === false ? dateOrder : Math.min(world.now, dateOrder + rng.float(0.5, 12) * DAY_MS);
  const stamp = { create: created, write: lastTouch, uid: salesman };

  const lines: RecordValues[] = [];
  let untaxed = 0;
  let tax = 0;
  const n = 1 + rng.weighted(LINES);
  if (rng.chance(0.05)) lines.push(sectionLine(world, orderId, customer, salesman, state, company ? 'Commande trimestrielle 📦' : 'Cadeaux'));
  for (let i = 0; i < n; i++) {
    const product = products[rng.int(0, products.length - 1)]!;
    const qty = product.weighed ? round2(rng.float(1, 10)) : company ? rng.pick([6, 12, 12, 24, 48]) : rng.int(1, 4);
    const discount = company && rng.chance(0.3) ? rng.pick([5, 10, 12.5]) : rng.chance(0.05) ? 10 : 0;
    const rate = world.taxes.rates.get(product.saleTax) ?? 0;
    const subtotal = round2(qty * product.listPrice * (1 - discount / 100));
    const lineTax = round2(subtotal * rate);
    const deliveredQty = delivered === 'full' ? qty : delivered === 'partial' ? (i === 0 ? Math.floor(qty / 2) : qty) : 0;
    const invoicedQty = invoicedShare ? deliveredQty : 0;
    const cost = round2(product.cost * qty);
    untaxed += subtotal;
    tax += lineTax;
    lines.push({
      order_id: orderId, sequence: 10 + i, company_id: world.companyId, currency_id: world.currencyId,
      order_partner_id: customer.id, salesman_id: salesman, state, display_type: false, is_downpayment: false,
      product_id: product.id, name: product.displayName, product_uom_qty: qty, product_uom: product.uomId, tax_id: [product.saleTax],
      price_unit: product.listPrice, discount, price_subtotal: subtotal, price_tax: lineTax, price_total: round2(subtotal + lineTax),
      price_reduce_taxexcl: qty ? round2(subtotal / qty) : 0, price_reduce_taxinc: qty ? round2((subtotal + lineTax) / qty) : 0,
      qty_delivered: deliveredQty, qty_invoiced: invoicedQty,
      qty_to_invoice: confirmed ? round2((product.storable ? deliveredQty : qty) - invoicedQty) : 0,
      invoice_status: !confirmed ? 'no' : invoicedQty >= qty ? 'invoiced' : (product.storable ? deliveredQty : qty) > invoicedQty ? 'to invoice' : 'no',
      customer_lead: 0, purchase_price: product.cost, margin: round2(subtotal - cost), margin_percent: subtotal ? round2((subtotal - cost) / subtotal * 10000) / 10000 : 0,
    });
  }
  const statuses = lines.filter((l) => l.display_type === false).map((l) => l.invoice_status);
  const invoiceStatus = !confirmed ? 'no' : statuses.every((s) => s === 'invoiced') ? 'invoiced' : statuses.includes('to invoice') ? 'to invoice' : 'no';
  const order: RecordValues = {
    name: `S${String(orderId).padStart(5, '0')}`, company_id: world.companyId, partner_id: customer.id, state,
    locked: confirmed && age > 30 && rng.chance(0.3), client_order_ref: company && rng.chance(0.4) ? `PO-${rng.int(1000, 9999)}` : false,
    date_order: fmtDatetime(dateOrder), commitment_date: rng.chance(0.1) ? fmtDatetime(dateOrder + 7 * DAY_MS) : false,
    validity_date: fmtDate(created + 30 * DAY_MS), origin: false, reference: false,
    note: rng.chance(0.3) ? '<p>Conditions générales de vente : paiement à 30 jours.</p>' : false,
    require_signature: company, require_payment: false, partner_invoice_id: customer.commercialId, partner_shipping_id: customer.id,
    pricelist_id: world.pricelistId, currency_id: world.currencyId, currency_rate: 1, user_id: salesman, team_id: team,
    amount_untaxed: round2(untaxed), amount_tax: round2(tax), amount_total: round2(untaxed + tax), invoice_status: invoiceStatus,
    warehouse_id: world.warehouses[0]!.id, picking_policy: 'direct', delivery_status: delivered,
    effective_date: delivered === 'full' ? fmtDatetime(lastTouch) : false, x_sales_channel: channel,
  };
  seeder.insert('sale.order', order, stamp);
  const firstLineId = seeder.peek('sale.order.line');
  for (const line of lines) seeder.insert('sale.order.line', line, stamp);
  if (invoiceStatus === 'invoiced') {
    world.invoicedSales.push({
      orderId, name: order.name as string, partnerId: customer.commercialId, shippingId: customer.id, business: company,
      userId: salesman, teamId: team, clientRef: order.client_order_ref as string | false, note: order.note as string | false,
      invoicedAt: lastTouch, lines: lines.map((l, i) => invoiceableLine(l, firstLineId + i, 'tax_id')),
    });
  }
}

/** A section heading: no product, no amounts. */
function sectionLine(world: World, orderId: number, customer: PartnerInfo, salesman: number, state: string, title: string): RecordValues {
  return {
    order_id: orderId, sequence: 1, company_id: world.companyId, currency_id: world.currencyId, order_partner_id: customer.id,
    salesman_id: salesman, state, display_type: 'line_section', is_downpayment: false, product_id: false, name: title,
    product_uom_qty: 0, product_uom: false, tax_id: [], price_unit: 0, discount: 0, price_subtotal: 0, price_tax: 0, price_total: 0,
    price_reduce_taxexcl: 0, price_reduce_taxinc: 0, qty_delivered: 0, qty_invoiced: 0, qty_to_invoice: 0, invoice_status: 'no',
    customer_lead: 0, purchase_price: 0, margin: 0, margin_percent: 0,
  };
}
