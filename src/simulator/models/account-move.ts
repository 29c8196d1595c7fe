import type { ModelDef, RecordValues } from '../model-def.ts';
import {
  bool, char, date, float, html, int, m2m, m2o, money, o2m, patchModel, related, sel,
} from './fields.ts';

/** account.move (journal entries, invoices, bills, credit notes), Odoo 17, and Odoo 19's changes. */

export const MOVE_STATES = [['draft', 'Draft'], ['posted', 'Posted'], ['cancel', 'Cancelled']] as const;

export const MOVE_TYPES = [
  ['entry', 'Journal Entry'],
  ['out_invoice', 'Customer Invoice'],
  ['out_refund', 'Customer Credit Note'],
  ['in_invoice', 'Vendor Bill'],
  ['in_refund', 'Vendor Credit Note'],
  ['out_receipt', 'Sales Receipt'],
  ['in_receipt', 'Purchase Receipt'],
] as const;

const PAYMENT_STATES_17 = [
  ['not_paid', 'Not Paid'],
  ['in_payment', 'In Payment'],
  ['paid', 'Paid'],
  ['partial', 'Partially Paid'],
  ['reversed', 'Reversed'],
  ['invoicing_legacy', 'Invoicing App Legacy'],
] as const;

/** `_compute_type_name` */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  entry: 'Journal Entry',
  out_invoice: 'Invoice',
  out_refund: 'Credit Note',
  in_invoice: 'Vendor Bill',
  in_refund: 'Vendor Credit Note',
  out_receipt: 'Sales Receipt',
  in_receipt: 'Purchase Receipt',
};

const DRAFT_LABELS: Readonly<Record<string, string>> = {
  entry: 'Draft Entry',
  out_invoice: 'Draft Invoice',
  out_refund: 'Draft Credit Note',
  in_invoice: 'Draft Bill',
  in_refund: 'Draft Vendor Credit Note',
  out_receipt: 'Draft Sales Receipt',
  in_receipt: 'Draft Purchase Receipt',
};

/** `_compute_direction_sign`: 1 for entries and outbound documents (bills, customer credit notes), -1 for inbound ones. */
export function directionSign(moveType: string): number {
  return moveType === 'entry' || moveType === 'in_invoice' || moveType === 'out_refund' || moveType === 'in_receipt' ? 1 : -1;
}

/** invoice_line_ids is line_ids restricted to `[('display_type', 'in', ('product', 'line_section', 'line_note'))]`. */
const INVOICE_LINE_TYPES: ReadonlySet<unknown> = new Set(['product', 'line_section', 'line_note']);

export const accountMove: ModelDef = {
  name: 'account.move',
  description: 'Journal Entry',
  order: 'date desc, name desc, invoice_date desc, id desc',
  fields: {
    // '/' while a draft never posted
    name: char('Number', { readonly: false }),
    ref: char('Reference'),
    date: date('Date', { required: true }),
    state: sel('Status', MOVE_STATES, { required: true, readonly: true }),
    move_type: sel('Type', MOVE_TYPES, { required: true, readonly: true }),
    is_storno: bool('Is Storno'),
    journal_id: m2o('account.journal', 'Journal', { required: true }),
    company_id: m2o('res.company', 'Company'),
    line_ids: o2m('account.move.line', 'move_id', 'Journal Items'),
    payment_id: m2o('account.payment', 'Payment'),
    auto_post: sel('Auto-post', [
      ['no', 'No'], ['at_date', 'At Date'], ['monthly', 'Monthly'], ['quarterly', 'Quarterly'], ['yearly', 'Yearly'],
    ], { required: true }),
    to_check: bool('To Check'),
    posted_before: bool('Posted Before'),
    sequence_prefix: char('Sequence Prefix', { readonly: true }),
    sequence_number: int('Sequence Number', { readonly: true }),
    type_name: char('Type Name', { store: false, compute: (r) => TYPE_NAMES[String(r.move_type)] ?? false }),
    invoice_line_ids: o2m('account.move.line', 'move_id', 'Invoice lines', { domain: (line) => INVOICE_LINE_TYPES.has(line.display_type) }),
    invoice_date: date('Invoice/Bill Date'),
    invoice_date_due: date('Due Date'),
    partner_id: m2o('res.partner', 'Partner'),
    commercial_partner_id: m2o('res.partner', 'Commercial Entity', { readonly: true }),
    partner_shipping_id: m2o('res.partner', 'Delivery Address'),
    payment_reference: char('Payment Reference'),
    company_currency_id: related(m2o('res.currency', 'Company Currency'), [['company_id', 'res.company']], 'currency_id'),
    currency_id: m2o('res.currency', 'Currency', { required: true }),
    direction_sign: int('Direction Sign', { store: false, compute: (r) => directionSign(String(r.move_type)) }),
    amount_untaxed: money('Untaxed Amount', { readonly: true }),
    amount_tax: money('Tax', { readonly: true }),
    amount_total: money('Total', { readonly: true }),
    amount_residual: money('Amount Due', { readonly: true }),
    amount_untaxed_signed: money('Untaxed Amount Signed', { readonly: true }),
    amount_tax_signed: money('Tax Signed', { readonly: true }),
    amount_total_signed: money('Total Signed', { readonly: true }),
    amount_total_in_currency_signed: money('Total in Currency Signed', { readonly: true }),
    amount_residual_signed: money('Amount Due Signed', { readonly: true }),
    payment_state: sel('Payment Status', PAYMENT_STATES_17, { readonly: true }),
    reversed_entry_id: m2o('account.move', 'Reversal of', { readonly: true }),
    reversal_move_id: o2m('account.move', 'reversed_entry_id', 'Reversal Move'),
    invoice_partner_display_name: char('Invoice Partner Display Name', { readonly: true }),
    narration: html('Terms and Conditions'),
    is_move_sent: bool('Is Move Sent', { readonly: true }),
    invoice_user_id: m2o('res.users', 'Salesperson'),
    invoice_origin: char('Origin', { readonly: true }),
    team_id: m2o('crm.team', 'Sales Team'),
    payment_ids: o2m('account.payment', 'move_id', 'Payments'),
  },
  displayName: (r) => moveDisplayName(r, 17),
};

/**
 * `_get_move_display_name(show_ref=True)`: 'INV/2026/00012', 'BILL/2026/10/0003 (FAC-881)';
 * a draft never posted is 'Draft Invoice (* 42)' on 17 (its name is '/') and
 * 'Draft Invoice' on 19 (its name is empty).
 */
export function moveDisplayName(r: RecordValues, version: number): string {
  let name = r.state === 'draft' ? `${DRAFT_LABELS[String(r.move_type)] ?? ''} ` : '';
  const named = typeof r.name === 'string' && r.name !== '' && r.name !== '/';
  if (named) name += r.name as string;
  else if (version < 19) name += `(* ${String(r.id)})`;
  name = name.trim();
  const ref = typeof r.ref === 'string' && r.ref ? ` (${r.ref.length > 50 ? `${r.ref.slice(0, 45)} [...]` : r.ref})` : '';
  return name + ref;
}

/**
 * Odoo 19: the payment a move was made for is `origin_payment_id`;
 * `matched_payment_ids` (the other side of account.payment's invoice_ids)
 * lists payments registered for an invoice; `checked` replaces to_check;
 * is_storno is computed from the company; 'blocked' is a payment state;
 * invoice_currency_rate keeps the rate used.
 */
export const accountMove19: ModelDef = {
  ...patchModel(accountMove, {
    origin_payment_id: m2o('account.payment', 'Payment'),
    matched_payment_ids: m2m('account.payment', 'Matched Payments'),
    checked: bool('Reviewed'),
    is_storno: bool('Is Storno', { store: false, compute: () => false }),
    made_sequence_gap: bool('Made Sequence Gap', { readonly: true }),
    payment_state: sel('Payment Status', [...PAYMENT_STATES_17.slice(0, 5), ['blocked', 'Blocked'], PAYMENT_STATES_17[5]], {
      readonly: true,
    }),
    reversal_move_ids: o2m('account.move', 'reversed_entry_id', 'Reversal Move'),
    amount_untaxed_in_currency_signed: money('Untaxed Amount Signed Currency', { readonly: true }),
    invoice_currency_rate: float('Currency Rate'),
  }, ['payment_id', 'to_check', 'reversal_move_id']),
  displayName: (r) => moveDisplayName(r, 19),
};
