/**
 * Changes to a simulated retail Odoo between runs, as its users make them: a
 * customer's contact details, a barcode, a walk-in POS order that gets a
 * customer, a cancelled quotation, a new customer and a new sale order with
 * its lines. Deterministic per round.
 *
 * Each change moves the write_date of every record whose stored values it
 * changes, so an incremental history must end exactly where a clean run
 * does. Odoo does not do that for everything: creating a POS order changes
 * its session's `order_ids` and renaming a record changes the `[id, name]`
 * pairs that point at it, with no write_date on the session or the pointing
 * records; such changes are left out here (a clean run would differ from any
 * incremental history, killed or not).
 */
import type { RecordValues } from '../../src/simulator/model-def.ts';
import type { Simulator } from '../../src/simulator/server.ts';

function records(sim: Simulator, model: string, test: (r: RecordValues) => boolean = () => true): RecordValues[] {
  return sim.store
    .search(model, [], { activeTest: false, order: 'id' })
    .map((id) => sim.store.get(model, id)!)
    .filter(test);
}

/** Applies round `round`'s changes; returns how many records were written or created. */
export function changeRetailData(sim: Simulator, round: number): number {
  const pick = <T>(list: T[], salt: number): T => list[(round * 7919 + salt) % list.length]!;
  let touched = 0;
  const customer = pick(records(sim, 'res.partner', (p) => p.active === true && p.is_company === false && (p.customer_rank as number) > 0), 1);
  sim.write('res.partner', [customer.id as number], { email: `round${round}@example.com`, phone: `+33 1 00 00 00 ${String(round).padStart(2, '0')}` });
  const product = pick(records(sim, 'product.product', (p) => p.active === true), 2);
  sim.write('product.product', [product.id as number], { barcode: `99${String(round).padStart(11, '0')}` });
  touched += 2;
  const walkIns = records(sim, 'pos.order', (o) => o.partner_id === false && o.state === 'done');
  if (walkIns.length > 0) {
    sim.write('pos.order', [pick(walkIns, 3).id as number], { partner_id: customer.id });
    touched += 1;
  }
  const quotations = records(sim, 'sale.order', (o) => o.state === 'draft');
  if (quotations.length > 0) {
    sim.write('sale.order', [pick(quotations, 4).id as number], { state: 'cancel' });
    touched += 1;
  }

  // A new customer and a sale order with two lines, shaped after an existing confirmed one.
  const newCustomer = sim.create('res.partner', { name: `New customer ${round}`, customer_rank: 1 });
  const shape = pick(records(sim, 'sale.order', (o) => o.state === 'sale'), 5);
  const { id: _id, create_date: _c, write_date: _w, create_uid: _cu, write_uid: _wu, order_line: _l, ...order } = shape;
  const orderId = sim.create('sale.order', {
    ...order, name: `S-KILL-${round}`, partner_id: newCustomer, partner_invoice_id: newCustomer, partner_shipping_id: newCustomer,
  });
  const lineShape = records(sim, 'sale.order.line', (l) => l.order_id === shape.id && l.display_type === false)[0]!;
  const { id: _lid, create_date: _lc, write_date: _lw, create_uid: _lcu, write_uid: _lwu, ...line } = lineShape;
  for (const qty of [1, 2]) sim.create('sale.order.line', { ...line, order_id: orderId, product_uom_qty: qty, name: `Kill round ${round}, ${qty}` });
  return touched + 4;
}
