import type { RecordValues } from '../model-def.ts';
import type { Rng } from './random.ts';
import type { EmployeeInfo, PartnerInfo, World } from './world.ts';
import { MINUTE_MS, fmtDatetime, round2 } from './format.ts';
import { orderTimes, planSessions, type SessionPlan } from './pos-plan.ts';
import { ProductPicker, activePromotions, buildBasket, refundBasket, type Basket, type SoldLine } from './pos-basket.ts';
import { buildPayments, type Payments } from './pos-payments.ts';

/**
 * POS sessions, orders, lines and payments. Generated one day at a time (a
 * day's orders are buffered to total each session's cash before the session
 * is written), so memory stays flat at any scale.
 */

/** POS orders at scale 1; lines follow at ~2.7 per order. */
export const POS_ORDERS_PER_SCALE = 1500;
const RECENT_LINES = 64;

interface BuiltOrder {
  readonly time: number;
  readonly plan: SessionPlan;
  readonly seq: number;
  readonly values: RecordValues;
  readonly basket: Basket;
  readonly payments: Payments;
  readonly refundOf: string | undefined;
}

interface ShopState {
  orderSeq: number;
  lineSeq: number;
  drawer: number;
  readonly recent: SoldLine[];
  readonly cashiers: EmployeeInfo[];
}

export function seedPosOrders(world: World, rng: Rng, scale: number): void {
  const days = planSessions(world, rng, Math.round(POS_ORDERS_PER_SCALE * scale));
  const picker = new ProductPicker(world);
  const shops = new Map<number, ShopState>();
  for (const config of world.configs) {
    const cashiers = world.employees.filter((e) => e.branch === config.branch && e.cashier);
    shops.set(config.id, { orderSeq: 0, lineSeq: 0, drawer: 150, recent: [], cashiers });
  }
  const buyers = world.customers.filter((c) => c.active);
  for (const sessions of days) {
    const built = sessions.map((plan) => buildSessionOrders(world, rng, plan, shops.get(plan.config.id)!, picker, buyers));
    const sessionIds = sessions.map((plan, i) => insertSession(world, rng, plan, built[i]!, shops.get(plan.config.id)!));
    // Orders from the shops interleave in time, as ids do in a real database.
    const cursor = sessions.map(() => 0);
    for (;;) {
      let best = -1;
      for (let s = 0; s < sessions.length; s++) {
        const next = built[s]![cursor[s]!];
        if (next && (best < 0 || next.time < built[best]![cursor[best]!]!.time)) best = s;
      }
      if (best < 0) break;
      insertOrder(world, rng, built[best]![cursor[best]!]!, sessionIds[best]!, shops.get(sessions[best]!.config.id)!);
      cursor[best]!++;
    }
  }
}

function buildSessionOrders(
  world: World, rng: Rng, plan: SessionPlan, shop: ShopState, picker: ProductPicker, buyers: PartnerInfo[],
): BuiltOrder[] {
  const times = orderTimes(plan, rng);
  const orders: BuiltOrder[] = [];
  for (let k = 0; k < times.length; k++) {
    const time = times[k]!;
    const refund = shop.recent.length > 8 && rng.chance(0.02);
    let partner: PartnerInfo | undefined;
    let basket: Basket;
    let refundOf: string | undefined;
    if (refund) {
      // A line is refunded once: take it out of the sample.
      const at = rng.int(0, shop.recent.length - 1);
      const sold = shop.recent[at]!;
      shop.recent[at] = shop.recent[shop.recent.length - 1]!;
      shop.recent.pop();
      basket = refundBasket(world, [sold]);
      refundOf = sold.orderName;
      partner = sold.partnerId === false ? undefined : buyers.find((b) => b.id === sold.partnerId);
    } else {
      if (rng.chance(0.25)) {
        const candidate = buyers[rng.int(0, buyers.length - 1)]!;
        if (candidate.createdAt < time && !candidate.isCompany) partner = candidate;
      }
      basket = buildBasket(world, rng, picker, activePromotions(world, plan.config, time), partner !== undefined);
    }
    const cancelled = !refund && rng.chance(0.003);
    const account = plan.config.account !== 0 && partner !== undefined && rng.chance(0.15);
    const payments = cancelled ? { rows: [], paid: 0, change: 0, cash: 0 } : buildPayments(rng, plan.config, basket.taxed, account);
    const invoiced = !cancelled && partner !== undefined && (account || rng.chance(0.08));
    const state = cancelled ? 'cancel' : invoiced ? 'invoiced' : plan.stop === false ? 'paid' : 'done';
    const cashier = shop.cashiers.length ? shop.cashiers[rng.int(0, shop.cashiers.length - 1)]! : undefined;
    const values: RecordValues = {
      name: '', date_order: fmtDatetime(time), user_id: plan.userId, amount_tax: round2(basket.taxed - basket.untaxed),
      amount_total: basket.taxed, amount_paid: payments.paid, amount_return: payments.change, company_id: world.companyId,
      pricelist_id: world.pricelistId, partner_id: partner ? partner.id : false, sequence_number: k + 1, session_id: 0,
      config_id: plan.config.id, currency_rate: 1, state, note: rng.chance(0.01) ? 'Client pressé 🏃 — emballage cadeau' : false,
      nb_print: rng.chance(0.6) ? 1 : 0, pos_reference: '', to_invoice: invoiced, shipping_date: false, is_tipped: false,
      tip_amount: 0, ticket_code: ticketCode(rng), access_token: token(rng), last_order_preparation_change: '{}',
      employee_id: cashier ? cashier.id : false, cashier: cashier ? cashier.name : false, crm_team_id: world.teams.store,
    };
    orders.push({ time, plan, seq: k + 1, values, basket, payments, refundOf });
  }
  return orders;
}

function insertSession(world: World, rng: Rng, plan: SessionPlan, orders: BuiltOrder[], shop: ShopState): number {
  const cashIn = round2(orders.reduce((sum, o) => sum + o.payments.cash, 0));
  const start = shop.drawer;
  const closed = plan.stop !== false;
  // At closing the cashier leaves a float of ~150 in the drawer and takes the rest to the bank.
  const cashOut = closed ? -Math.max(0, Math.floor((start + cashIn - 150) / 10) * 10) : 0;
  const difference = closed && rng.chance(0.08) ? round2(rng.float(-2, 1)) : 0;
  const endReal = closed ? round2(start + cashIn + cashOut + difference) : 0;
  if (closed) shop.drawer = endReal;
  const id = world.seeder.peek('pos.session');
  const lastOrder = orders.length ? orders[orders.length - 1]!.time : plan.start;
  return world.seeder.insert('pos.session', {
    config_id: plan.config.id, name: `POS/${String(id).padStart(5, '0')}`, user_id: plan.userId, start_at: fmtDatetime(plan.start),
    stop_at: closed ? fmtDatetime(plan.stop as number) : false, state: closed ? 'closed' : 'opened', sequence_number: orders.length + 1,
    login_number: rng.int(1, 3), opening_notes: rng.chance(0.05) ? 'Fond de caisse vérifié ✔' : false,
    closing_notes: difference ? `Écart de caisse ${difference.toFixed(2)} €` : false, cash_register_balance_end_real: endReal,
    cash_register_balance_start: start, cash_real_transaction: cashOut, rescue: false, update_stock_at_closing: true,
  }, { create: plan.start - rng.int(30, 600) * 1000, write: closed ? (plan.stop as number) + 90_000 : lastOrder, uid: plan.userId });
}

function insertOrder(world: World, rng: Rng, order: BuiltOrder, sessionId: number, shop: ShopState): void {
  const { seeder } = world;
  const { plan, values } = order;
  shop.orderSeq += 1;
  values.name = order.refundOf ? `${order.refundOf} REFUND` : `${plan.config.name}/${String(shop.orderSeq).padStart(4, '0')}`;
  values.session_id = sessionId;
  values.pos_reference = `Order ${String(sessionId).padStart(5, '0')}-${String(plan.config.branch + 1).padStart(3, '0')}-${String(order.seq).padStart(4, '0')}`;
  // Synced a few seconds after the sale; posted (written again) when the session closes.
  const create = order.time + rng.int(1, 40) * 1000;
  const closedAt = plan.stop === false ? undefined : plan.stop + MINUTE_MS;
  const stamp = { create, write: closedAt ?? create, uid: plan.userId };
  const orderId = seeder.insert('pos.order', values, stamp);
  const lineStamp = { create, write: closedAt ?? create, uid: plan.userId };
  for (const line of order.basket.lines) {
    shop.lineSeq += 1;
    line.order_id = orderId;
    if (!line.name) line.name = `${plan.config.name}/${String(shop.lineSeq).padStart(4, '0')}`;
    line.uuid = token(rng);
    line.is_total_cost_computed = closedAt !== undefined;
    // Odoo computes a line's cost at payment (real-time valuation) or when the session closes; until then total_cost is 0
    if (!line.is_total_cost_computed) line.total_cost = 0;
    const lineId = seeder.insert('pos.order.line', line, lineStamp);
    if (!order.refundOf && !line.is_reward_line && values.state !== 'cancel') remember(shop, rng, {
      id: lineId, values: line, orderName: values.name as string, partnerId: values.partner_id as number | false,
    });
  }
  const payStamp = { create, write: create, uid: plan.userId };
  for (const payment of order.payments.rows) {
    payment.pos_order_id = orderId;
    payment.payment_date = values.date_order;
    payment.session_id = sessionId;
    payment.company_id = world.companyId;
    seeder.insert('pos.payment', payment, payStamp);
  }
}

/** Keeps a bounded sample of sold lines per shop for later refunds. */
function remember(shop: ShopState, rng: Rng, line: SoldLine): void {
  if (shop.recent.length < RECENT_LINES) shop.recent.push(line);
  else if (rng.chance(0.3)) shop.recent[rng.int(0, RECENT_LINES - 1)] = line;
}

const ALPHANUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function ticketCode(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHANUM[Math.floor(rng.next() * 36)];
  return s;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function h(x: number, shift: number): string {
  return HEX[(x >>> shift) & 0xff]!;
}

/** uuid4-shaped, from two draws (cheap enough for a million lines). */
function token(rng: Rng): string {
  const a = Math.floor(rng.next() * 0x100000000);
  const b = Math.floor(rng.next() * 0x100000000);
  return `${h(a, 24)}${h(a, 16)}${h(a, 8)}${h(a, 0)}-${h(b, 24)}${h(b, 16)}-4${h(b, 8).slice(1)}${h(b, 0)}-a${h(a, 16).slice(1)}${h(a, 0)}-${h(b, 16)}${h(b, 8)}${h(a, 8)}${h(a, 24)}${h(b, 0)}${h(b, 24)}`;
}
