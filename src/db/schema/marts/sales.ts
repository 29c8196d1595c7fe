/**
 * Sales marts: branches (pos.config), and POS orders and sale orders together
 * in fact_sales / fact_sales_lines, told apart by `source` ('pos' or 'sale').
 */
import { bigint, boolean, date, integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const id = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** pos.config: one point of sale is one branch. */
export const dimBranches = pgTable('dim_branches', {
  branchId: id('branch_id').primaryKey(),
  name: text('name'),
  /** seed_branch_codes, else the name parsed by vars.branch_code_pattern, else the warehouse's code. */
  branchCode: text('branch_code'),
  teamId: id('team_id'),
  warehouseId: id('warehouse_id'),
  pickingTypeId: id('picking_type_id'),
  active: boolean('active'),
  createdAt: at('created_at'),
  isPlaceholder: boolean('is_placeholder').notNull().default(false),
});

/** One row per pos.order and per sale.order. */
export const factSales = pgTable(
  'fact_sales',
  {
    source: text('source').notNull(),
    orderId: id('order_id').notNull(),
    orderRef: text('order_ref'),
    /** POS: the receipt number ('Order 00012-003-0004'); sale: the customer's reference. */
    externalRef: text('external_ref'),
    state: text('state'),
    dateOrder: at('date_order'),
    /** date_order in ELT_TIMEZONE. */
    localDate: date('local_date', { mode: 'string' }),
    localHour: integer('local_hour'),
    customerId: id('customer_id'),
    employeeId: id('employee_id'),
    userId: id('user_id'),
    branchId: id('branch_id'),
    sessionId: id('session_id'),
    teamId: id('team_id'),
    /** From seed_sale_channel_rules. */
    channel: text('channel'),
    amountUntaxed: numeric('amount_untaxed'),
    amountTax: numeric('amount_tax'),
    amountTotal: numeric('amount_total'),
  },
  (t) => [primaryKey({ columns: [t.source, t.orderId] })],
);

/** One row per pos.order.line and per sale.order.line (section and note lines left out). */
export const factSalesLines = pgTable(
  'fact_sales_lines',
  {
    source: text('source').notNull(),
    lineId: id('line_id').notNull(),
    orderId: id('order_id'),
    productId: id('product_id'),
    qty: numeric('qty'),
    priceUnit: numeric('price_unit'),
    discount: numeric('discount'),
    priceSubtotal: numeric('price_subtotal'),
    priceSubtotalIncl: numeric('price_subtotal_incl'),
    isRewardLine: boolean('is_reward_line'),
    /** loyalty.reward the line applies, and its program. */
    rewardId: id('reward_id'),
    programId: id('program_id'),
    /** Copied from the order, kept right when the order changes. */
    orderState: text('order_state'),
    dateOrder: at('date_order'),
    localDate: date('local_date', { mode: 'string' }),
    customerId: id('customer_id'),
    branchId: id('branch_id'),
    /** The line's cost, in the company's currency: see costSource. */
    cost: numeric('cost'),
    /** price_subtotal - cost. */
    margin: numeric('margin'),
    /**
     * Where the cost comes from: 'total_cost' (a POS line's own, once Odoo computed it, Odoo 17+),
     * 'purchase_price' (a sale line's x quantity, with sale_margin), 'cost_at_sale' (the product's cost on
     * the order's date from snap_product_prices), 'current_cost' (its cost now); NULL: no cost known.
     */
    costSource: text('cost_source'),
  },
  (t) => [primaryKey({ columns: [t.source, t.lineId] })],
);
