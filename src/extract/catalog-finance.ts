/**
 * The finance streams of the built-in catalog (module `account`, installed
 * wherever sales or POS are): the chart of accounts, journals, journal
 * entries and their items (invoices are entries with a move_type), payments,
 * taxes and currency rates, with the fields the finance marts read
 * (sql/marts/fact_invoices.sql and the rest).
 */
import type { CatalogStream } from './catalog-stream.ts';

const CREATED = { create_date: 'datetime' } as const;

export const FINANCE_STREAMS: readonly CatalogStream[] = [
  {
    model: 'account.account',
    // company_id up to Odoo 17, company_ids from 18; deprecated up to 18, active from 19;
    // code is per company from 19 and not stored there: read anyway
    includeFields: ['code'],
    warehouseFields: {
      code: 'char', name: 'char', account_type: 'selection', reconcile: 'boolean', currency_id: 'many2one',
      company_id: 'many2one', deprecated: 'boolean', active: 'boolean', ...CREATED,
    },
  },
  {
    model: 'account.journal',
    warehouseFields: {
      code: 'char', name: 'char', type: 'selection', company_id: 'many2one', currency_id: 'many2one',
      default_account_id: 'many2one', active: 'boolean', ...CREATED,
    },
  },
  {
    model: 'account.move',
    warehouseFields: {
      name: 'char', ref: 'char', move_type: 'selection', state: 'selection', payment_state: 'selection', date: 'date',
      invoice_date: 'date', invoice_date_due: 'date', partner_id: 'many2one', commercial_partner_id: 'many2one',
      company_id: 'many2one', journal_id: 'many2one', currency_id: 'many2one', company_currency_id: 'many2one',
      amount_untaxed: 'monetary', amount_tax: 'monetary', amount_total: 'monetary', amount_residual: 'monetary',
      amount_untaxed_signed: 'monetary', amount_tax_signed: 'monetary', amount_total_signed: 'monetary',
      amount_total_in_currency_signed: 'monetary', amount_residual_signed: 'monetary', invoice_origin: 'char',
      reversed_entry_id: 'many2one', line_ids: 'one2many', ...CREATED,
    },
  },
  {
    model: 'account.move.line',
    warehouseFields: {
      move_id: 'many2one', move_name: 'char', parent_state: 'selection', date: 'date', journal_id: 'many2one',
      company_id: 'many2one', company_currency_id: 'many2one', account_id: 'many2one', partner_id: 'many2one', name: 'char', display_type: 'selection',
      debit: 'monetary', credit: 'monetary', balance: 'monetary', amount_currency: 'monetary', currency_id: 'many2one',
      amount_residual: 'monetary', amount_residual_currency: 'monetary', reconciled: 'boolean', matching_number: 'char',
      date_maturity: 'date', product_id: 'many2one', quantity: 'float', price_subtotal: 'monetary', ...CREATED,
    },
  },
  {
    model: 'account.payment',
    // up to Odoo 17 a payment inherits name, date, state, journal and company from its entry (not stored on the
    // payment, so not landed: fact_payments reads them from the entry); from 18 they are its own
    warehouseFields: {
      name: 'char', move_id: 'many2one', payment_type: 'selection', partner_type: 'selection', partner_id: 'many2one',
      journal_id: 'many2one', company_id: 'many2one', date: 'date', state: 'selection', amount: 'monetary',
      currency_id: 'many2one', amount_company_currency_signed: 'monetary', is_reconciled: 'boolean', is_matched: 'boolean',
      ...CREATED,
    },
  },
  // landed for the user's own models (tax reports, conversions); no default mart reads them
  { model: 'account.tax' },
  { model: 'res.currency.rate' },
];
