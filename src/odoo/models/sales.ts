/** Sales: quotations and sale orders (`sale.order`) and their lines. */
import type { OdooClient } from '../client.ts';
import type { Many2one, OdooDatetime } from './field-values.ts';
import { LINE_OPTIONS, ORDER_OPTIONS, readOrders, type LineQuery, type OrderQuery } from './order-filters.ts';
import { fieldList, type ReadOptions, type Selected } from './read-model.ts';

/** `draft` and `sent` quotations, `sale` confirmed orders, `done` locked (up to 16), `cancel`. */
export type SaleOrderState = 'draft' | 'sent' | 'sale' | 'done' | 'cancel';

/** A quotation or sale order (`sale.order`). */
export interface SaleOrder {
  id: number;
  /** `'S00042'`. */
  name: string;
  client_order_ref: string | false;
  state: SaleOrderState;
  /** The quotation's date, then the confirmation's. */
  date_order: OdooDatetime;
  partner_id: Many2one;
  partner_invoice_id: Many2one;
  partner_shipping_id: Many2one;
  /** The salesperson. */
  user_id: Many2one;
  team_id: Many2one;
  company_id: Many2one;
  currency_id: Many2one;
  pricelist_id: Many2one;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
  /** `upselling`, `invoiced`, `to invoice`, `no`. */
  invoice_status: string | false;
  /** sale.order.line ids. */
  order_line: number[];
  write_date: OdooDatetime;
}

/** A line of a sale order (`sale.order.line`); section and note lines have a `display_type` and no product. */
export interface SaleOrderLine {
  id: number;
  order_id: Many2one;
  product_id: Many2one;
  /** The description. */
  name: string;
  /** `line_section` or `line_note`; false for a product line. */
  display_type: string | false;
  product_uom_qty: number;
  qty_delivered: number;
  qty_invoiced: number;
  /** Up to Odoo 18. */
  product_uom?: Many2one;
  /** Odoo 19+. */
  product_uom_id?: Many2one;
  price_unit: number;
  /** Percent. */
  discount: number;
  price_subtotal: number;
  price_tax: number;
  price_total: number;
  /** Up to Odoo 18. */
  tax_id?: number[];
  /** Odoo 19+. */
  tax_ids?: number[];
  /** With sale_loyalty. */
  is_reward_line?: boolean;
  reward_id?: Many2one;
  /** The unit cost, with sale_margin. */
  purchase_price?: number;
  margin?: number;
  /** The order's. */
  state: SaleOrderState | false;
  company_id: Many2one;
  currency_id: Many2one;
  write_date: OdooDatetime;
}

/** Orders by date (local days) and state. */
export interface SaleOrderQuery<K extends keyof SaleOrder = keyof SaleOrder> extends OrderQuery<SaleOrderState>, ReadOptions<K> {}

/** Lines of the orders `saleOrders` gives for the same options, or of the orders named. */
export interface SaleOrderLineQuery<K extends keyof SaleOrderLine = keyof SaleOrderLine>
  extends LineQuery<SaleOrderState>, ReadOptions<K> {}

const SALE_ORDER = {
  helper: 'saleOrders',
  model: 'sale.order',
  options: ORDER_OPTIONS,
  fields: fieldList<SaleOrder>()([
    'name', 'client_order_ref', 'state', 'date_order', 'partner_id', 'partner_invoice_id', 'partner_shipping_id', 'user_id', 'team_id',
    'company_id', 'currency_id', 'pricelist_id', 'amount_untaxed', 'amount_tax', 'amount_total', 'invoice_status', 'order_line', 'write_date',
  ]),
};

const SALE_ORDER_LINE = {
  helper: 'saleOrderLines',
  model: 'sale.order.line',
  options: LINE_OPTIONS,
  fields: fieldList<SaleOrderLine>()([
    'order_id', 'product_id', 'name', 'display_type', 'product_uom_qty', 'qty_delivered', 'qty_invoiced', 'product_uom', 'product_uom_id',
    'price_unit', 'discount', 'price_subtotal', 'price_tax', 'price_total', 'tax_id', 'tax_ids', 'is_reward_line', 'reward_id',
    'purchase_price', 'margin', 'state', 'company_id', 'currency_id', 'write_date',
  ]),
};

/**
 * Quotations and sale orders, in id order.
 *
 * @example
 * for await (const order of saleOrders(odoo, { from: '2026-12-01', to: '2026-12-31', states: ['sale'] })) console.log(order.name, order.amount_total);
 */
export function saleOrders<K extends keyof SaleOrder = keyof SaleOrder>(
  odoo: OdooClient,
  query: SaleOrderQuery<K> = {},
): AsyncGenerator<Selected<SaleOrder, K>> {
  return readOrders(odoo, SALE_ORDER, query, '');
}

/** Sale order lines, in id order: those of the given orders, or of the orders `saleOrders` would give for the same options. */
export function saleOrderLines<K extends keyof SaleOrderLine = keyof SaleOrderLine>(
  odoo: OdooClient,
  query: SaleOrderLineQuery<K> = {},
): AsyncGenerator<Selected<SaleOrderLine, K>> {
  return readOrders(odoo, SALE_ORDER_LINE, query, 'order_id.');
}
