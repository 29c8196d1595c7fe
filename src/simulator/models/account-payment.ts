import type { FieldDef, ModelDef } from '../model-def.ts';
import {
  bool, char, date, follow, inherited, m2m, m2o, money, o2m, related, sel,
} from './fields.ts';
import { accountMove } from './account-move.ts';

/** account.payment and the reconciliation records (account.partial.reconcile, account.full.reconcile), Odoo 17 and 19. */

const PAYMENT_TYPES = [['outbound', 'Send'], ['inbound', 'Receive']] as const;
const PARTNER_TYPES = [['customer', 'Customer'], ['supplier', 'Vendor']] as const;

/** What a payment holds itself, on both versions. */
const PAYMENT_FIELDS: Readonly<Record<string, FieldDef>> = {
  payment_type: sel('Payment Type', PAYMENT_TYPES, { required: true }),
  partner_type: sel('Partner Type', PARTNER_TYPES, { required: true }),
  partner_id: m2o('res.partner', 'Customer/Vendor'),
  amount: money('Amount'),
  amount_company_currency_signed: money('Amount Company Currency Signed', { readonly: true }),
  amount_signed: money('Amount Signed', {
    store: false,
    readonly: true,
    compute: (r) => (r.payment_type === 'outbound' ? -Number(r.amount ?? 0) : Number(r.amount ?? 0)),
  }),
  currency_id: m2o('res.currency', 'Currency'),
  payment_reference: char('Payment Reference'),
  is_reconciled: bool('Is Reconciled', { readonly: true }),
  is_matched: bool('Is Matched With a Bank Statement', { readonly: true }),
  outstanding_account_id: m2o('account.account', 'Outstanding Account', { readonly: true }),
  destination_account_id: m2o('account.account', 'Destination Account'),
};

/** The account.move fields a 17 payment reads through `_inherits` (a subset of the ~120 Odoo adds). */
const MOVE_INHERITED = [
  'name', 'ref', 'date', 'state', 'move_type', 'journal_id', 'company_id', 'payment_state', 'amount_total',
  'amount_total_signed', 'invoice_date_due', 'invoice_origin', 'posted_before', 'sequence_prefix', 'sequence_number',
] as const;

/**
 * Odoo 17: `_inherits = {'account.move': 'move_id'}`. Every payment has its
 * own journal entry; name, date, state (draft/posted/cancel) and journal are
 * the move's, read through move_id (not stored on the payment).
 */
export const accountPayment: ModelDef = {
  name: 'account.payment',
  description: 'Payments',
  order: 'date desc, name desc',
  fields: {
    move_id: m2o('account.move', 'Journal Entry', { required: true, readonly: true }),
    ...PAYMENT_FIELDS,
    is_internal_transfer: bool('Internal Transfer'),
    ...inherited(accountMove.fields, MOVE_INHERITED, 'move_id', 'account.move'),
    // related to a non-stored field of the move: read through the move's company
    company_currency_id: {
      ...related(m2o('res.currency', 'Company Currency'), [['move_id', 'account.move'], ['company_id', 'res.company']], 'currency_id', [
        'move_id', 'company_currency_id',
      ]),
      inherited: true,
    },
  },
  // `_compute_display_name`: the move's name, 'Draft Payment' before it has one
  displayName: (r, lookup) => {
    const name = follow(r, lookup, [['move_id', 'account.move']], 'name');
    return typeof name === 'string' && name && name !== '/' ? name : 'Draft Payment';
  },
};

/**
 * Odoo 18 made payments records of their own: name, date, journal and
 * company are stored, `state` is the payment's (in_process until its
 * outstanding line is matched or its invoices are paid), `memo` replaces ref,
 * move_id is empty for a draft, and invoice_ids lists the invoices it was
 * registered for (account.move's matched_payment_ids is the other side).
 */
export const accountPayment19: ModelDef = {
  name: 'account.payment',
  description: 'Payments',
  order: 'date desc, name desc',
  fields: {
    name: char('Number', { readonly: true }),
    date: date('Date', { required: true }),
    move_id: m2o('account.move', 'Journal Entry'),
    journal_id: m2o('account.journal', 'Journal', { required: true }),
    company_id: m2o('res.company', 'Company', { required: true }),
    state: sel('State', [
      ['draft', 'Draft'], ['in_process', 'In Process'], ['paid', 'Paid'], ['canceled', 'Canceled'], ['rejected', 'Rejected'],
    ], { required: true }),
    ...PAYMENT_FIELDS,
    memo: char('Memo'),
    is_sent: bool('Is Sent', { readonly: true }),
    invoice_ids: m2m('account.move', 'Invoices'),
    company_currency_id: related(m2o('res.currency', 'Company Currency'), [['company_id', 'res.company']], 'currency_id'),
  },
  displayName: (r) => (typeof r.name === 'string' && r.name ? r.name : 'Draft Payment'),
};

/** One matching of a debit line with a credit line, for `amount` in the company's currency. */
export const accountPartialReconcile: ModelDef = {
  name: 'account.partial.reconcile',
  description: 'Partial Reconcile',
  order: 'id',
  fields: {
    debit_move_id: m2o('account.move.line', 'Debit Move', { required: true }),
    credit_move_id: m2o('account.move.line', 'Credit Move', { required: true }),
    full_reconcile_id: m2o('account.full.reconcile', 'Full Reconcile'),
    exchange_move_id: m2o('account.move', 'Exchange Move'),
    company_currency_id: related(m2o('res.currency', 'Company Currency'), [['company_id', 'res.company']], 'currency_id'),
    // related to the lines' currencies, stored
    debit_currency_id: m2o('res.currency', 'Currency of the debit journal item.', { readonly: true }),
    credit_currency_id: m2o('res.currency', 'Currency of the credit journal item.', { readonly: true }),
    amount: money('Amount'),
    debit_amount_currency: money('Debit Amount Currency'),
    credit_amount_currency: money('Credit Amount Currency'),
    company_id: m2o('res.company', 'Company'),
    max_date: date('Max Date of Matched Lines', { readonly: true }),
  },
};

/** The set of lines whose partials leave nothing to pay; its id is their matching number. */
export function accountFullReconcile(version: number): ModelDef {
  return {
    name: 'account.full.reconcile',
    description: 'Full Reconcile',
    order: 'id',
    fields: {
      partial_reconcile_ids: o2m('account.partial.reconcile', 'full_reconcile_id', 'Reconciliation Parts'),
      reconciled_line_ids: o2m('account.move.line', 'full_reconcile_id', 'Matched Journal Items'),
      // gone in Odoo 18
      ...(version >= 18 ? {} : { exchange_move_id: m2o('account.move', 'Exchange Move') }),
    },
  };
}
