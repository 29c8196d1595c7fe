/**
 * The built-in streams: every Odoo model the default warehouse reads.
 * A stream is named after its model and lands in `raw_<model>`. A model the
 * instance lacks (module not installed, a third-party module, or `hr.version`
 * before Odoo 19) is skipped with one warning.
 */
import { FINANCE_STREAMS } from './catalog-finance.ts';
import type { CatalogStream } from './catalog-stream.ts';

/** What nearly every dimension reads. */
const ACTIVE = { active: 'boolean', create_date: 'datetime' } as const;
/** An employee's job and contract: on hr.version from Odoo 19, on hr.employee before. */
const VERSIONED = {
  department_id: 'many2one', job_id: 'many2one', job_title: 'char', work_location_id: 'many2one', employee_type: 'selection',
  departure_date: 'date', contract_date_start: 'date', contract_date_end: 'date',
} as const;

export const BUILTIN_STREAMS: readonly CatalogStream[] = [
  // branches, products and their classifications
  {
    model: 'pos.config',
    warehouseFields: { name: 'char', crm_team_id: 'many2one', warehouse_id: 'many2one', picking_type_id: 'many2one', ...ACTIVE },
  },
  { model: 'product.category', warehouseFields: { name: 'char', complete_name: 'char', parent_id: 'many2one', create_date: 'datetime' } },
  {
    model: 'pos.category',
    // complete_name: stored on some versions only (not on 17)
    warehouseFields: { name: 'char', complete_name: 'char', parent_id: 'many2one', sequence: 'integer', create_date: 'datetime' },
  },
  {
    model: 'product.template',
    warehouseFields: {
      name: 'char', list_price: 'float', categ_id: 'many2one', uom_id: 'many2one', sale_ok: 'boolean', purchase_ok: 'boolean',
      available_in_pos: 'boolean', type: 'selection',
      // Odoo 16 has one pos_categ_id, 17+ pos_categ_ids; detailed_type up to 17, is_storable from 18; the brand with product_brand
      pos_categ_id: 'many2one', pos_categ_ids: 'many2many', detailed_type: 'selection', is_storable: 'boolean', product_brand_id: 'many2one',
    },
  },
  // The cost is a company property, not stored, up to Odoo 17; writing it still moves write_date.
  {
    model: 'product.product',
    includeFields: ['standard_price'],
    warehouseFields: { product_tmpl_id: 'many2one', default_code: 'char', barcode: 'char', standard_price: 'float', ...ACTIVE },
  },
  { model: 'uom.uom', warehouseFields: { name: 'char' } },
  { model: 'product.brand', optional: true, warehouseFields: { name: 'char', ...ACTIVE } },
  // stock
  {
    model: 'stock.warehouse',
    warehouseFields: { name: 'char', code: 'char', lot_stock_id: 'many2one', view_location_id: 'many2one', partner_id: 'many2one', ...ACTIVE },
  },
  {
    model: 'stock.location',
    warehouseFields: {
      name: 'char', complete_name: 'char', usage: 'selection', location_id: 'many2one', warehouse_id: 'many2one', scrap_location: 'boolean',
      barcode: 'char', ...ACTIVE,
    },
  },
  {
    model: 'stock.quant',
    warehouseFields: { product_id: 'many2one', location_id: 'many2one', quantity: 'float', reserved_quantity: 'float', in_date: 'datetime' },
  },
  {
    model: 'stock.picking.type',
    warehouseFields: {
      name: 'char', code: 'selection', sequence_code: 'char', warehouse_id: 'many2one', default_location_src_id: 'many2one',
      default_location_dest_id: 'many2one', ...ACTIVE,
    },
  },
  // people
  {
    model: 'hr.department',
    warehouseFields: { name: 'char', complete_name: 'char', parent_id: 'many2one', manager_id: 'many2one', ...ACTIVE },
  },
  {
    model: 'hr.work.location',
    warehouseFields: { name: 'char', location_type: 'selection', address_id: 'many2one', location_number: 'char', ...ACTIVE },
  },
  { model: 'hr.job', warehouseFields: { name: 'char', department_id: 'many2one', ...ACTIVE } },
  {
    model: 'hr.employee',
    warehouseFields: {
      name: 'char', parent_id: 'many2one', coach_id: 'many2one', user_id: 'many2one', work_email: 'char', work_phone: 'char',
      mobile_phone: 'char', ...ACTIVE,
      // up to Odoo 18; on 19 they live on hr.version, reached through current_version_id
      ...VERSIONED, current_version_id: 'many2one',
    },
  },
  { model: 'hr.version', optional: true, warehouseFields: VERSIONED },
  { model: 'res.users', warehouseFields: { login: 'char', partner_id: 'many2one', sale_team_id: 'many2one', share: 'boolean', ...ACTIVE } },
  { model: 'crm.team', warehouseFields: { name: 'char', user_id: 'many2one', ...ACTIVE } },
  {
    model: 'res.partner',
    // mobile: up to Odoo 18 (19 has phone alone; staging reads it NULL there)
    warehouseFields: {
      name: 'char', complete_name: 'char', ref: 'char', email: 'char', phone: 'char', mobile: 'char', street: 'char', street2: 'char',
      zip: 'char', city: 'char', state_id: 'many2one', country_id: 'many2one', vat: 'char', lang: 'selection', is_company: 'boolean',
      type: 'selection', parent_id: 'many2one', commercial_partner_id: 'many2one', customer_rank: 'integer', supplier_rank: 'integer',
      ...ACTIVE,
    },
  },
  // countries, states and currencies (base): the names the marts join for an address and an order's currency,
  // so a many2one landed as a bare id (no display name) still shows one
  { model: 'res.country', warehouseFields: { name: 'char', code: 'char' } },
  { model: 'res.country.state', warehouseFields: { name: 'char', code: 'char', country_id: 'many2one' } },
  // active: Odoo ships every currency, most archived
  { model: 'res.currency', warehouseFields: { name: 'char', active: 'boolean' } },
  // promotions
  {
    model: 'loyalty.program',
    warehouseFields: {
      name: 'char', program_type: 'selection', trigger: 'selection', applies_on: 'selection', date_from: 'date', date_to: 'date',
      pos_ok: 'boolean', sale_ok: 'boolean', limit_usage: 'boolean', max_usage: 'integer', ...ACTIVE,
    },
  },
  {
    model: 'loyalty.rule',
    warehouseFields: {
      program_id: 'many2one', mode: 'selection', code: 'char', product_ids: 'many2many', product_category_id: 'many2one',
      product_domain: 'char', minimum_qty: 'integer', minimum_amount: 'monetary', reward_point_amount: 'float',
      reward_point_mode: 'selection', ...ACTIVE,
    },
  },
  {
    model: 'loyalty.reward',
    warehouseFields: {
      program_id: 'many2one', description: 'char', reward_type: 'selection', discount: 'float', discount_mode: 'selection',
      discount_applicability: 'selection', discount_max_amount: 'monetary', discount_line_product_id: 'many2one',
      reward_product_id: 'many2one', reward_product_qty: 'integer', required_points: 'float', ...ACTIVE,
    },
  },
  {
    model: 'pos.promotion',
    optional: true,
    warehouseFields: {
      name: 'char', promotion_type: 'selection', discount: 'float', min_amount: 'float', date_start: 'datetime', date_end: 'datetime',
      pos_config_ids: 'many2many', product_ids: 'many2many', ...ACTIVE,
    },
  },
  // sales and purchases
  { model: 'pos.session', warehouseFields: { config_id: 'many2one' } },
  {
    model: 'pos.order',
    warehouseFields: {
      name: 'char', pos_reference: 'char', state: 'selection', date_order: 'datetime', partner_id: 'many2one', employee_id: 'many2one',
      user_id: 'many2one', config_id: 'many2one', session_id: 'many2one', amount_tax: 'float', amount_total: 'float', lines: 'one2many',
      // with pos_sale
      crm_team_id: 'many2one',
    },
  },
  {
    model: 'pos.order.line',
    warehouseFields: {
      order_id: 'many2one', product_id: 'many2one', qty: 'float', price_unit: 'float', discount: 'float', price_subtotal: 'float',
      price_subtotal_incl: 'float', is_reward_line: 'boolean', reward_id: 'many2one',
      // Odoo 17+: the line's cost once computed (at payment, or at session closing for real-time valuation)
      total_cost: 'float', is_total_cost_computed: 'boolean',
    },
  },
  { model: 'pos.payment' },
  {
    model: 'sale.order',
    warehouseFields: {
      name: 'char', client_order_ref: 'char', state: 'selection', date_order: 'datetime', partner_id: 'many2one', user_id: 'many2one',
      team_id: 'many2one', amount_untaxed: 'monetary', amount_tax: 'monetary', amount_total: 'monetary', order_line: 'one2many',
    },
  },
  {
    model: 'sale.order.line',
    warehouseFields: {
      order_id: 'many2one', product_id: 'many2one', product_uom_qty: 'float', price_unit: 'float', discount: 'float',
      price_subtotal: 'monetary', price_total: 'monetary', display_type: 'selection',
      // with sale_loyalty
      is_reward_line: 'boolean', reward_id: 'many2one',
      // with sale_margin: the unit cost, and Odoo's margin (price_subtotal - purchase_price x quantity)
      purchase_price: 'float', margin: 'float',
    },
  },
  {
    model: 'purchase.order',
    warehouseFields: {
      name: 'char', partner_ref: 'char', state: 'selection', partner_id: 'many2one', user_id: 'many2one', picking_type_id: 'many2one',
      currency_id: 'many2one', date_order: 'datetime', date_approve: 'datetime', date_planned: 'datetime', effective_date: 'datetime',
      receipt_status: 'selection', invoice_status: 'selection', amount_untaxed: 'monetary', amount_tax: 'monetary',
      amount_total: 'monetary', order_line: 'one2many',
    },
  },
  {
    model: 'purchase.order.line',
    warehouseFields: {
      order_id: 'many2one', product_id: 'many2one', product_qty: 'float', qty_received: 'float', qty_invoiced: 'float',
      price_unit: 'float', discount: 'float', price_subtotal: 'monetary', price_tax: 'float', price_total: 'monetary',
      date_planned: 'datetime', display_type: 'selection',
    },
  },
  // finance: accounts, journals, entries and their items, payments, taxes, rates
  ...FINANCE_STREAMS,
];

/**
 * Chatter relations that every mail.thread model carries: stored one2many id
 * lists that no warehouse model reads and that cost Odoo a join per page.
 * Left out unless a stream lists them in `include_fields`.
 */
export const DEFAULT_EXCLUDED_FIELDS: readonly string[] = [
  'message_ids',
  'message_follower_ids',
  'activity_ids',
  'website_message_ids',
  'rating_ids',
];
