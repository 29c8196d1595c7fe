/**
 * Finance marts (module `account`): the chart of accounts, journals,
 * invoices, the general ledger and payments. Every document stays with its
 * state: only posted entries are books (`move_state = 'posted'`), drafts
 * and cancelled ones are kept so nothing is silently missing. Amounts
 * `_signed` are in the company's currency, signed as Odoo signs them (a
 * customer invoice and a vendor refund positive, a credit note and a vendor
 * bill negative); the others in the document's currency.
 */
import { bigint, boolean, date, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const id = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** account.account. */
export const dimAccounts = pgTable('dim_accounts', {
  accountId: id('account_id').primaryKey(),
  /** From Odoo 19 an account's code is per company: the code in the Odoo user's own company, NULL for another company's account. */
  code: text('code'),
  name: text('name'),
  /** Odoo's account_type: asset_receivable, liability_payable, income, expense, ... */
  accountType: text('account_type'),
  /** receivable, payable, or another balance-sheet or profit-and-loss kind: the type's first word. */
  internalGroup: text('internal_group'),
  reconcile: boolean('reconcile'),
  currencyId: id('currency_id'),
  /** Up to Odoo 17; from 18 an account may belong to several companies (company_ids, not landed here). */
  companyId: id('company_id'),
  /** deprecated up to Odoo 18, archived (active false) from 19. */
  active: boolean('active'),
  createdAt: at('created_at'),
  isPlaceholder: boolean('is_placeholder').notNull().default(false),
});

/** account.journal. */
export const dimJournals = pgTable('dim_journals', {
  journalId: id('journal_id').primaryKey(),
  code: text('code'),
  name: text('name'),
  /** sale, purchase, cash, bank, general. */
  journalType: text('journal_type'),
  companyId: id('company_id'),
  currencyId: id('currency_id'),
  defaultAccountId: id('default_account_id'),
  active: boolean('active'),
  createdAt: at('created_at'),
  isPlaceholder: boolean('is_placeholder').notNull().default(false),
});

/** One row per customer invoice, credit note, vendor bill, refund and receipt (account.move with an invoice move_type). */
export const factInvoices = pgTable('fact_invoices', {
  invoiceId: id('invoice_id').primaryKey(),
  /** The document's number ('/' while a draft has none). */
  invoiceRef: text('invoice_ref'),
  ref: text('ref'),
  /** out_invoice, out_refund, in_invoice, in_refund, out_receipt, in_receipt. */
  moveType: text('move_type'),
  /** draft, posted, cancel. */
  state: text('state'),
  /** not_paid, in_payment, paid, partial, reversed, ... */
  paymentState: text('payment_state'),
  invoiceDate: date('invoice_date', { mode: 'string' }),
  invoiceDateDue: date('invoice_date_due', { mode: 'string' }),
  /** The accounting date. */
  date: date('date', { mode: 'string' }),
  partnerId: id('partner_id'),
  commercialPartnerId: id('commercial_partner_id'),
  companyId: id('company_id'),
  journalId: id('journal_id'),
  currency: text('currency'),
  companyCurrency: text('company_currency'),
  amountUntaxed: numeric('amount_untaxed'),
  amountTax: numeric('amount_tax'),
  amountTotal: numeric('amount_total'),
  amountResidual: numeric('amount_residual'),
  /** In the document's currency, signed. */
  amountUntaxedInCurrencySigned: numeric('amount_untaxed_in_currency_signed'),
  amountTaxInCurrencySigned: numeric('amount_tax_in_currency_signed'),
  amountTotalInCurrencySigned: numeric('amount_total_in_currency_signed'),
  /** In the company's currency, signed. */
  amountUntaxedSigned: numeric('amount_untaxed_signed'),
  amountTaxSigned: numeric('amount_tax_signed'),
  amountTotalSigned: numeric('amount_total_signed'),
  amountResidualSigned: numeric('amount_residual_signed'),
  invoiceOrigin: text('invoice_origin'),
  reversedEntryId: id('reversed_entry_id'),
  createdAt: at('created_at'),
});

/** The general ledger: one row per journal item (account.move.line), sections and notes left out. */
export const factJournalItems = pgTable('fact_journal_items', {
  lineId: id('line_id').primaryKey(),
  moveId: id('move_id'),
  moveName: text('move_name'),
  moveType: text('move_type'),
  /** The entry's state: only 'posted' is books. */
  moveState: text('move_state'),
  date: date('date', { mode: 'string' }),
  journalId: id('journal_id'),
  accountId: id('account_id'),
  accountType: text('account_type'),
  partnerId: id('partner_id'),
  companyId: id('company_id'),
  label: text('label'),
  /** product, tax, payment_term, rounding, cogs, ... */
  displayType: text('display_type'),
  debit: numeric('debit'),
  credit: numeric('credit'),
  /** debit - credit, in the company's currency. */
  balance: numeric('balance'),
  amountCurrency: numeric('amount_currency'),
  currencyId: id('currency_id'),
  amountResidual: numeric('amount_residual'),
  amountResidualCurrency: numeric('amount_residual_currency'),
  reconciled: boolean('reconciled'),
  matchingNumber: text('matching_number'),
  dateMaturity: date('date_maturity', { mode: 'string' }),
  productId: id('product_id'),
  quantity: numeric('quantity'),
  createdAt: at('created_at'),
});

/** account.payment. */
export const factPayments = pgTable('fact_payments', {
  paymentId: id('payment_id').primaryKey(),
  paymentRef: text('payment_ref'),
  moveId: id('move_id'),
  /** inbound (money in), outbound. */
  paymentType: text('payment_type'),
  /** customer, supplier. */
  partnerType: text('partner_type'),
  partnerId: id('partner_id'),
  journalId: id('journal_id'),
  companyId: id('company_id'),
  date: date('date', { mode: 'string' }),
  /** Up to Odoo 17 its entry's state (draft, posted, cancel); from 18 its own (draft, in_process, paid, canceled, rejected). */
  state: text('state'),
  amount: numeric('amount'),
  currency: text('currency'),
  amountCompanyCurrencySigned: numeric('amount_company_currency_signed'),
  isReconciled: boolean('is_reconciled'),
  isMatched: boolean('is_matched'),
  createdAt: at('created_at'),
});
