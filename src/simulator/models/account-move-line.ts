import type { ModelDef, RecordLookup, RecordValues } from '../model-def.ts';
import {
  bool, char, date, float, follow, int, m2m, m2o, money, o2m, patchModel, related, sel,
} from './fields.ts';
import { ACCOUNT_TYPES_17, ACCOUNT_TYPES_19 } from './account.ts';
import { MOVE_STATES } from './account-move.ts';
import { variantDisplayName } from './product.ts';

/** account.move.line (journal items), Odoo 17, and Odoo 19's changes. */

const DISPLAY_TYPES_17 = [
  ['product', 'Product'],
  ['cogs', 'Cost of Goods Sold'],
  ['tax', 'Tax'],
  ['discount', 'Discount'],
  ['rounding', 'Rounding'],
  ['payment_term', 'Payment Term'],
  ['line_section', 'Section'],
  ['line_note', 'Note'],
  ['epd', 'Early Payment Discount'],
] as const;

const DISPLAY_TYPES_19 = [
  ...DISPLAY_TYPES_17.slice(0, 7),
  ['line_subsection', 'Subsection'],
  ...DISPLAY_TYPES_17.slice(7),
  ['non_deductible_product_total', 'Non Deductible Products Total'],
  ['non_deductible_product', 'Non Deductible Products'],
  ['non_deductible_tax', 'Non Deductible Tax'],
] as const;

const ACCOUNT = [['account_id', 'account.account']] as const;

/** `_compute_display_name`: the move's name, its reference in brackets, the label (else the product's display name). */
function lineDisplayName(r: RecordValues, lookup: RecordLookup): string {
  const moveName = follow(r, lookup, [['move_id', 'account.move']], 'name');
  let label = r.name;
  if (!label && typeof r.product_id === 'number') {
    const product = lookup.get('product.product', r.product_id);
    const template = product ? follow(product, lookup, [['product_tmpl_id', 'product.template']], 'name', '') : '';
    label = product ? variantDisplayName(product, String(template)) : false;
  }
  const parts = [moveName, typeof r.ref === 'string' && r.ref ? `(${r.ref})` : false, label];
  return parts.filter((p) => typeof p === 'string' && p !== '').join(' ');
}

export const accountMoveLine: ModelDef = {
  name: 'account.move.line',
  description: 'Journal Item',
  order: 'date desc, move_name desc, id',
  fields: {
    move_id: m2o('account.move', 'Journal Entry', { required: true, readonly: true }),
    // related to the move, stored
    move_name: char('Number', { readonly: true }),
    date: date('Date', { readonly: true }),
    ref: char('Reference', { readonly: true }),
    parent_state: sel('Status', MOVE_STATES, { readonly: true }),
    journal_id: m2o('account.journal', 'Journal', { readonly: true }),
    company_id: m2o('res.company', 'Company', { readonly: true }),
    company_currency_id: m2o('res.currency', 'Company Currency', { readonly: true }),
    sequence: int('Sequence'),
    account_id: m2o('account.account', 'Account'),
    // related to the account, not stored
    account_type: related(sel('Internal Type', ACCOUNT_TYPES_17), ACCOUNT, 'account_type'),
    is_account_reconcile: related(bool('Account Reconcile'), ACCOUNT, 'reconcile'),
    name: char('Label'),
    debit: money('Debit'),
    credit: money('Credit'),
    balance: money('Balance'),
    amount_currency: money('Amount in Currency'),
    currency_id: m2o('res.currency', 'Currency', { required: true }),
    partner_id: m2o('res.partner', 'Partner'),
    payment_id: m2o('account.payment', 'Originator Payment', { readonly: true }),
    tax_ids: m2m('account.tax', 'Taxes'),
    tax_line_id: m2o('account.tax', 'Originator Tax', { readonly: true }),
    tax_base_amount: money('Base Amount', { readonly: true }),
    amount_residual: money('Residual Amount', { readonly: true }),
    amount_residual_currency: money('Residual Amount in Currency', { readonly: true }),
    reconciled: bool('Reconciled', { readonly: true }),
    full_reconcile_id: m2o('account.full.reconcile', 'Matching', { readonly: true }),
    matched_debit_ids: o2m('account.partial.reconcile', 'credit_move_id', 'Matched Debits', { readonly: true }),
    matched_credit_ids: o2m('account.partial.reconcile', 'debit_move_id', 'Matched Credits', { readonly: true }),
    matching_number: char('Matching #'),
    display_type: sel('Display Type', DISPLAY_TYPES_17, { required: true }),
    product_id: m2o('product.product', 'Product'),
    product_uom_id: m2o('uom.uom', 'Unit of Measure'),
    quantity: float('Quantity'),
    date_maturity: date('Due Date'),
    discount: float('Discount (%)'),
    price_unit: float('Unit Price'),
    price_subtotal: money('Subtotal', { readonly: true }),
    price_total: money('Total', { readonly: true }),
    sale_line_ids: m2m('sale.order.line', 'Sales Order Lines', { readonly: true }),
    purchase_line_id: m2o('purchase.order.line', 'Purchase Order Line'),
  },
  displayName: lineDisplayName,
};

/** Odoo 19: more display types and account types, the account's code and name readable on the line. */
export const accountMoveLine19: ModelDef = patchModel(accountMoveLine, {
  account_type: related(sel('Internal Type', ACCOUNT_TYPES_19), ACCOUNT, 'account_type'),
  account_code: related(char('Code'), ACCOUNT, 'code_store', ['account_id', 'code']),
  account_name: related(char('Account Name'), ACCOUNT, 'name'),
  display_type: sel('Display Type', DISPLAY_TYPES_19, { required: true }),
  product_uom_id: m2o('uom.uom', 'Unit'),
});
