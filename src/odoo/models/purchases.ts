/** Purchases: requests for quotation and purchase orders (`purchase.order`) and their lines. */
import type { OdooClient } from '../client.ts';
import type { Many2one, OdooDatetime } from './field-values.ts';
import { LINE_OPTIONS, ORDER_OPTIONS, readOrders, type LineQuery, type OrderQuery } from './order-filters.ts';
import { fieldList, type ReadOptions, type Selected } from './read-model.ts';

/** `draft` and `sent` RFQs, `to approve`, `purchase` confirmed orders, `done` locked, `cancel`. */
export type PurchaseOrderState = 'draft' | 'sent' | 'to approve' | 'purchase' | 'done' | 'cancel';

/** A request for quotation or purchase order (`purchase.order`). */
export interface PurchaseOrder {
  id: number;
  /** `'P00042'`. */
  name: string;
  /** The vendor's reference. */
  partner_ref: string | false;
  state: PurchaseOrderState;
  /** The order deadline, then the confirmation's date. */
  date_order: OdooDatetime;
  date_approve: OdooDatetime | false;
  /** The expected arrival. */
  date_planned: OdooDatetime | false;
  /** The arrival, with purchase_stock. */
  effective_date?: OdooDatetime | false;
  /** The vendor. */
  partner_id: Many2one;
  /** The buyer. */
  user_id: Many2one;
  /** Where it is received, with purchase_stock. */
  picking_type_id?: Many2one;
  company_id: Many2one;
  currency_id: Many2one;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
  /** `no`, `to invoice`, `invoiced`. */
  invoice_status: string | false;
  /** `pending`, `partial`, `full`, with purchase_stock. */
  receipt_status?: string | false;
  /** purchase.order.line ids. */
  order_line: number[];
  write_date: OdooDatetime;
}

/** A line of a purchase order (`purchase.order.line`); section and note lines have a `display_type` and no product. */
export interface PurchaseOrderLine {
  id: number;
  order_id: Many2one;
  product_id: Many2one;
  /** The description. */
  name: string;
  /** `line_section` or `line_note`; false for a product line. */
  display_type: string | false;
  product_qty: number;
  qty_received: number;
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
  taxes_id?: number[];
  /** Odoo 19+. */
  tax_ids?: number[];
  date_planned: OdooDatetime | false;
  /** The order's. */
  state: PurchaseOrderState | false;
  company_id: Many2one;
  currency_id: Many2one;
  write_date: OdooDatetime;
}

/** Orders by date (`date_order`, local days) and state. */
export interface PurchaseOrderQuery<K extends keyof PurchaseOrder = keyof PurchaseOrder>
  extends OrderQuery<PurchaseOrderState>, ReadOptions<K> {}

/** Lines of the orders `purchaseOrders` gives for the same options, or of the orders named. */
export interface PurchaseOrderLineQuery<K extends keyof PurchaseOrderLine = keyof PurchaseOrderLine>
  extends LineQuery<PurchaseOrderState>, ReadOptions<K> {}

const PURCHASE_ORDER = {
  helper: 'purchaseOrders',
  model: 'purchase.order',
  options: ORDER_OPTIONS,
  fields: fieldList<PurchaseOrder>()([
    'name', 'partner_ref', 'state', 'date_order', 'date_approve', 'date_planned', 'effective_date', 'partner_id', 'user_id',
    'picking_type_id', 'company_id', 'currency_id', 'amount_untaxed', 'amount_tax', 'amount_total', 'invoice_status', 'receipt_status',
    'order_line', 'write_date',
  ]),
};

const PURCHASE_ORDER_LINE = {
  helper: 'purchaseOrderLines',
  model: 'purchase.order.line',
  options: LINE_OPTIONS,
  fields: fieldList<PurchaseOrderLine>()([
    'order_id', 'product_id', 'name', 'display_type', 'product_qty', 'qty_received', 'qty_invoiced', 'product_uom', 'product_uom_id',
    'price_unit', 'discount', 'price_subtotal', 'price_tax', 'price_total', 'taxes_id', 'tax_ids', 'date_planned', 'state', 'company_id',
    'currency_id', 'write_date',
  ]),
};

/**
 * Requests for quotation and purchase orders, in id order.
 *
 * @example
 * for await (const order of purchaseOrders(odoo, { from: '2026-12-01', states: ['purchase', 'done'] })) console.log(order.name);
 */
export function purchaseOrders<K extends keyof PurchaseOrder = keyof PurchaseOrder>(
  odoo: OdooClient,
  query: PurchaseOrderQuery<K> = {},
): AsyncGenerator<Selected<PurchaseOrder, K>> {
  return readOrders(odoo, PURCHASE_ORDER, query, '');
}

/** Purchase order lines, in id order: those of the given orders, or of the orders `purchaseOrders` would give for the same options. */
export function purchaseOrderLines<K extends keyof PurchaseOrderLine = keyof PurchaseOrderLine>(
  odoo: OdooClient,
  query: PurchaseOrderLineQuery<K> = {},
): AsyncGenerator<Selected<PurchaseOrderLine, K>> {
  return readOrders(odoo, PURCHASE_ORDER_LINE, query, 'order_id.');
}
