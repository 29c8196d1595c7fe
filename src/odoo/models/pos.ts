/** Point of Sale: orders, their lines, and the shops (pos.config) that ring them up. */
import type { OdooClient } from '../client.ts';
import type { Many2one, OdooDatetime } from './field-values.ts';
import { LINE_OPTIONS, ORDER_OPTIONS, readOrders, type LineQuery, type OrderQuery } from './order-filters.ts';
import { checkIds } from './query-checks.ts';
import { fieldList, readModel, whereIn, type ArchiveOption, type ReadOptions, type Selected } from './read-model.ts';

/** `cancel`led, `paid` (session open), `done` (posted at session closing), `invoiced`; `draft` not yet paid. */
export type PosOrderState = 'draft' | 'cancel' | 'paid' | 'done' | 'invoiced';

/** A POS order (`pos.order`). */
export interface PosOrder {
  id: number;
  /** `'Shop/0042'`. */
  name: string;
  /** The receipt number, `'Order 00012-003-0004'`. */
  pos_reference: string | false;
  state: PosOrderState;
  date_order: OdooDatetime;
  /** The shop. */
  config_id: Many2one;
  session_id: Many2one;
  partner_id: Many2one;
  user_id: Many2one;
  /** The cashier, with pos_hr. */
  employee_id?: Many2one;
  /** With pos_sale. */
  crm_team_id?: Many2one;
  company_id: Many2one;
  currency_id: Many2one;
  amount_tax: number;
  /** Taxes included; negative for a refund. */
  amount_total: number;
  amount_paid: number;
  amount_return: number;
  /** pos.order.line ids. */
  lines: number[];
  /** pos.payment ids. */
  payment_ids: number[];
  write_date: OdooDatetime;
}

/** A line of a POS order (`pos.order.line`). */
export interface PosOrderLine {
  id: number;
  order_id: Many2one;
  product_id: Many2one;
  full_product_name: string | false;
  /** Negative on a refund. */
  qty: number;
  price_unit: number;
  /** Percent. */
  discount: number;
  price_subtotal: number;
  /** Taxes included. */
  price_subtotal_incl: number;
  tax_ids: number[];
  /** The line's cost, once Odoo computed it (`is_total_cost_computed`). */
  total_cost?: number;
  is_total_cost_computed?: boolean;
  /** The sold line a refund line refunds. */
  refunded_orderline_id: Many2one;
  /** A promotion's line, with pos_loyalty. */
  is_reward_line?: boolean;
  reward_id?: Many2one;
  company_id: Many2one;
  write_date: OdooDatetime;
}

/** A shop, i.e. a point of sale (`pos.config`): the warehouse's branch. */
export interface PosConfig {
  id: number;
  name: string;
  active: boolean;
  company_id: Many2one;
  currency_id: Many2one;
  picking_type_id: Many2one;
  warehouse_id?: Many2one;
  crm_team_id: Many2one;
  write_date: OdooDatetime;
}

/** Orders by date (local days), state and shop. */
export interface PosOrderQuery<K extends keyof PosOrder = keyof PosOrder> extends OrderQuery<PosOrderState>, ReadOptions<K> {
  /** Only orders of these shops (pos.config ids). */
  readonly configIds?: readonly number[];
}

/** Lines of the orders `posOrders` gives for the same options, or of the orders named. */
export interface PosOrderLineQuery<K extends keyof PosOrderLine = keyof PosOrderLine>
  extends LineQuery<PosOrderState>, ReadOptions<K> {
  /** Only lines of orders of these shops. */
  readonly configIds?: readonly number[];
}

export interface PosConfigQuery<K extends keyof PosConfig = keyof PosConfig> extends ArchiveOption, ReadOptions<K> {}

const POS_ORDER = {
  helper: 'posOrders',
  model: 'pos.order',
  options: [...ORDER_OPTIONS, 'configIds'],
  fields: fieldList<PosOrder>()([
    'name', 'pos_reference', 'state', 'date_order', 'config_id', 'session_id', 'partner_id', 'user_id', 'employee_id', 'crm_team_id',
    'company_id', 'currency_id', 'amount_tax', 'amount_total', 'amount_paid', 'amount_return', 'lines', 'payment_ids', 'write_date',
  ]),
};

const POS_ORDER_LINE = {
  helper: 'posOrderLines',
  model: 'pos.order.line',
  options: [...LINE_OPTIONS, 'configIds'],
  fields: fieldList<PosOrderLine>()([
    'order_id', 'product_id', 'full_product_name', 'qty', 'price_unit', 'discount', 'price_subtotal', 'price_subtotal_incl', 'tax_ids',
    'total_cost', 'is_total_cost_computed', 'refunded_orderline_id', 'is_reward_line', 'reward_id', 'company_id', 'write_date',
  ]),
};

const POS_CONFIG = {
  helper: 'posConfigs',
  model: 'pos.config',
  options: [],
  archivable: true,
  fields: fieldList<PosConfig>()([
    'name', 'active', 'company_id', 'currency_id', 'picking_type_id', 'warehouse_id', 'crm_team_id', 'write_date',
  ]),
};

/**
 * POS orders, in id order, read in keyset pages.
 *
 * @example
 * for await (const order of posOrders(odoo, { from: '2026-12-01', to: '2026-12-06', configIds: [1] })) {
 *   console.log(order.name, order.config_id && order.config_id[1], order.amount_total);
 * }
 */
export function posOrders<K extends keyof PosOrder = keyof PosOrder>(
  odoo: OdooClient,
  query: PosOrderQuery<K> = {},
): AsyncGenerator<Selected<PosOrder, K>> {
  // The shop through the session, a path stored on every version (pos.order's own config_id is a related field).
  const configIds = checkIds(POS_ORDER.helper, 'configIds', query.configIds);
  return readOrders(odoo, POS_ORDER, query, '', whereIn('session_id.config_id', configIds));
}

/**
 * POS order lines, in id order: those of the given orders, or of the orders
 * `posOrders` would give for the same dates, states and shops.
 *
 * @example
 * for await (const line of posOrderLines(odoo, { from: '2026-12-01', to: '2026-12-01', states: ['paid', 'done', 'invoiced'] })) { ... }
 */
export function posOrderLines<K extends keyof PosOrderLine = keyof PosOrderLine>(
  odoo: OdooClient,
  query: PosOrderLineQuery<K> = {},
): AsyncGenerator<Selected<PosOrderLine, K>> {
  const configIds = checkIds(POS_ORDER_LINE.helper, 'configIds', query.configIds);
  return readOrders(odoo, POS_ORDER_LINE, query, 'order_id.', whereIn('order_id.session_id.config_id', configIds));
}

/** The shops (points of sale), in id order; archived ones only with `includeArchived`. */
export function posConfigs<K extends keyof PosConfig = keyof PosConfig>(
  odoo: OdooClient,
  query: PosConfigQuery<K> = {},
): AsyncGenerator<Selected<PosConfig, K>> {
  return readModel(odoo, POS_CONFIG, query, () => []);
}
