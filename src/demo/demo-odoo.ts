/**
 * The demo's Odoo: the built-in simulator (Odoo 17, a small retail company)
 * rebuilt on every `elt demo` from the same seed, so a second run finds the
 * same records with the same write_dates and has nothing to rewrite. The
 * company's data is anchored at the first run's time; each later run moves
 * the clock on to its own time and rings up a few new POS orders in a
 * session opened then, after replaying the orders of the runs before it (at
 * their own times), as a shop would have kept selling in between.
 */
import { generateRetail } from '../simulator/generator.ts';
import { formatTimestamp } from '../simulator/clock.ts';
import type { RecordValues } from '../simulator/model-def.ts';
import { startSimulator, type Simulator } from '../simulator/server.ts';

/** Transaction volume: ~1,500 POS orders and 200 sale orders over 90 days, three shops: a run takes seconds. */
export const DEMO_SCALE = 1;
export const DEMO_SEED = 42;
/** POS orders rung up by each run after the first. */
export const ORDERS_PER_RUN = 5;

/** The simulator's login, as `.env` would name it. */
export const DEMO_LOGIN = { db: 'odoo', login: 'admin', password: 'admin' } as const;

/**
 * `runs[0]` anchors the company's data (the first run's time); `runs[k]` is
 * run k's time, when it added its orders. The last entry is "now".
 */
export async function startDemoOdoo(runs: readonly Date[]): Promise<Simulator> {
  const sim = await startSimulator({ now: runs[0]!, scale: 0, db: DEMO_LOGIN.db, users: [{ login: DEMO_LOGIN.login, password: DEMO_LOGIN.password }] });
  try {
    generateRetail(sim.store, { seed: DEMO_SEED, scale: DEMO_SCALE, now: runs[0]!, version: sim.version });
    for (let round = 1; round < runs.length; round++) {
      sim.clock.set(runs[round]!);
      ringUpOrders(sim, round);
    }
    sim.clock.set(runs[runs.length - 1]!);
    return sim;
  } catch (error) {
    await sim.close();
    throw error;
  }
}

/** Opens a session at one shop (a different one each round) and records ORDERS_PER_RUN orders shaped after its past ones. */
function ringUpOrders(sim: Simulator, round: number): void {
  const now = sim.clock.now().getTime();
  // Shops that have traded: an archived kiosk with no session or order has nothing to copy
  const configs = ids(sim, 'pos.config').filter((id) => ids(sim, 'pos.order', [['config_id', '=', id]]).length > 0);
  const configId = configs[round % configs.length]!;
  const config = sim.store.get('pos.config', configId)!;
  const past = ids(sim, 'pos.order', [['config_id', '=', configId], ['state', 'in', ['paid', 'done', 'invoiced']]]).map((id) => sim.store.get('pos.order', id)!);
  const lastSession = sim.store.get('pos.session', ids(sim, 'pos.session', [['config_id', '=', configId]]).at(-1)!)!;
  const sessionId = sim.create('pos.session', {
    ...copyable(lastSession), name: `POS/${String(sim.store.size('pos.session') + 1).padStart(5, '0')}`, start_at: stamp(now - 60 * 60_000),
    stop_at: false, state: 'opened', sequence_number: ORDERS_PER_RUN + 1, closing_notes: false,
    cash_register_balance_start: lastSession.cash_register_balance_end_real, cash_register_balance_end_real: 0, cash_real_transaction: 0,
  });
  let nextNumber = past.length ? Math.max(...past.map((o) => Number(String(o.name).split('/').at(-1)) || 0)) : 0;
  for (let i = 0; i < ORDERS_PER_RUN; i++) {
    const shape = past[(round * 7919 + i * 104_729) % past.length]!;
    nextNumber += 1;
    const dateOrder = stamp(now - (ORDERS_PER_RUN - i) * 7 * 60_000);
    const orderId = sim.create('pos.order', {
      ...copyable(shape), name: `${String(config.name)}/${String(nextNumber).padStart(4, '0')}`, date_order: dateOrder, session_id: sessionId,
      state: 'paid', sequence_number: i + 1, to_invoice: false, pos_reference: `Order ${String(sessionId).padStart(5, '0')}-${String(i + 1).padStart(4, '0')}`,
      ticket_code: `d${round}x${i}`.padEnd(5, '0').slice(0, 5), access_token: `demo-${round}-${i}`,
    });
    for (const lineId of ids(sim, 'pos.order.line', [['order_id', '=', shape.id]])) {
      const line = sim.store.get('pos.order.line', lineId)!;
      sim.create('pos.order.line', { ...copyable(line), order_id: orderId, uuid: `demo-${round}-${i}-${lineId}`, is_total_cost_computed: false, total_cost: 0 });
    }
    for (const paymentId of ids(sim, 'pos.payment', [['pos_order_id', '=', shape.id]])) {
      const payment = sim.store.get('pos.payment', paymentId)!;
      sim.create('pos.payment', { ...copyable(payment), pos_order_id: orderId, session_id: sessionId, payment_date: dateOrder });
    }
  }
}

function ids(sim: Simulator, model: string, domain: unknown[] = []): number[] {
  return sim.store.search(model, domain, { activeTest: false, order: 'id' });
}

/** A record's values without its id and log fields, which Odoo sets on create. */
function copyable(record: RecordValues): RecordValues {
  const { id: _id, create_date: _cd, create_uid: _cu, write_date: _wd, write_uid: _wu, ...values } = record;
  return values;
}

/** Odoo's datetime form, to the second (as date_order is stored). */
function stamp(ms: number): string {
  return formatTimestamp(new Date(Math.floor(ms / 1000) * 1000));
}
