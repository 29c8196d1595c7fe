import type { ModelDef } from '../model-def.ts';
import {
  active, bool, char, float, int, m2m, m2o, patchModel, related, sel, text,
} from './fields.ts';

/** account module: taxes, the chart of accounts and journals, Odoo 17 (and what 18/19 changed). */

/** account.tax, minimal: what order and invoice lines point to through their tax many2many. */
export const accountTax: ModelDef = {
  name: 'account.tax',
  description: 'Tax',
  order: 'sequence,id',
  fields: {
    name: char('Tax Name', { required: true }),
    type_tax_use: sel('Tax Type', [['sale', 'Sales'], ['purchase', 'Purchases'], ['none', 'None']], { required: true }),
    amount_type: sel('Tax Computation', [
      ['group', 'Group of Taxes'],
      ['fixed', 'Fixed'],
      ['percent', 'Percentage of Price'],
      ['division', 'Percentage of Price Tax Included'],
    ], { required: true }),
    active: active(),
    company_id: m2o('res.company', 'Company', { required: true }),
    sequence: int('Sequence', { required: true }),
    amount: float('Amount', { required: true }),
    description: char('Label on Invoices'),
    price_include: bool('Included in Price'),
    include_base_amount: bool('Affect Base of Subsequent Taxes'),
    country_id: m2o('res.country', 'Country', { required: true }),
  },
};

/** account.account `account_type` (Odoo 17); Odoo 18 adds 'expense_other' after 'expense'. */
export const ACCOUNT_TYPES_17 = [
  ['asset_receivable', 'Receivable'],
  ['asset_cash', 'Bank and Cash'],
  ['asset_current', 'Current Assets'],
  ['asset_non_current', 'Non-current Assets'],
  ['asset_prepayments', 'Prepayments'],
  ['asset_fixed', 'Fixed Assets'],
  ['liability_payable', 'Payable'],
  ['liability_credit_card', 'Credit Card'],
  ['liability_current', 'Current Liabilities'],
  ['liability_non_current', 'Non-current Liabilities'],
  ['equity', 'Equity'],
  ['equity_unaffected', 'Current Year Earnings'],
  ['income', 'Income'],
  ['income_other', 'Other Income'],
  ['expense', 'Expenses'],
  ['expense_depreciation', 'Depreciation'],
  ['expense_direct_cost', 'Cost of Revenue'],
  ['off_balance', 'Off-Balance Sheet'],
] as const;

export const ACCOUNT_TYPES_19 = [
  ...ACCOUNT_TYPES_17.slice(0, 15),
  ['expense_other', 'Other Expenses'],
  ...ACCOUNT_TYPES_17.slice(15),
] as const;

/** `internal_group`: the account type's prefix (off_balance -> 'off_balance'; 'off' from Odoo 18). */
export function internalGroup(accountType: string, version: number): string {
  if (accountType === 'off_balance') return version >= 18 ? 'off' : 'off_balance';
  return accountType.split('_')[0]!;
}

const INTERNAL_GROUPS_17 = [
  ['equity', 'Equity'],
  ['asset', 'Asset'],
  ['liability', 'Liability'],
  ['income', 'Income'],
  ['expense', 'Expense'],
  ['off_balance', 'Off Balance'],
] as const;

const COMPANY = [['company_id', 'res.company']] as const;

export const accountAccount: ModelDef = {
  name: 'account.account',
  description: 'Account',
  order: 'code, company_id',
  fields: {
    name: char('Account Name', { required: true }),
    currency_id: m2o('res.currency', 'Account Currency'),
    company_currency_id: related(m2o('res.currency', 'Currency'), COMPANY, 'currency_id'),
    code: char('Code', { required: true }),
    deprecated: bool('Deprecated'),
    account_type: sel('Type', ACCOUNT_TYPES_17, { required: true }),
    // computed from the type, stored
    include_initial_balance: bool('Bring Accounts Balance Forward', { readonly: true }),
    internal_group: sel('Internal Group', INTERNAL_GROUPS_17, { readonly: true }),
    reconcile: bool('Allow Reconciliation'),
    tax_ids: m2m('account.tax', 'Default Taxes'),
    note: text('Internal Notes'),
    company_id: m2o('res.company', 'Company', { required: true }),
    non_trade: bool('Non Trade'),
  },
  // `_compute_display_name`: '411100 Customers - Sales of goods or services'
  displayName: (r) => `${String(r.code)} ${String(r.name)}`,
};

/** Account types whose balance restarts at zero each fiscal year (`_compute_include_initial_balance`). */
export const NO_INITIAL_BALANCE: ReadonlySet<string> = new Set([
  'income', 'income_other', 'expense', 'expense_other', 'expense_depreciation', 'expense_direct_cost', 'off_balance',
]);

/**
 * Odoo 18 shares accounts between companies: `company_ids` replaces
 * company_id, `active` replaces deprecated, and the code is company-dependent
 * (`code_store`, a jsonb read for the current company; `code` and
 * `placeholder_code` are computed with a search method and sort through it).
 * include_initial_balance and internal_group are no longer stored. The display
 * name carries the code only for users with "Show Full Accounting Features".
 */
export const accountAccount19: ModelDef = {
  ...patchModel(accountAccount, {
    // a compute on the first company, not a related field: Odoo cannot search it
    company_currency_id: m2o('res.currency', 'Company Currency', {
      store: false,
      readonly: true,
      compute: (r, lookup) => {
        const first = Array.isArray(r.company_ids) ? (r.company_ids as number[])[0] : undefined;
        return first === undefined ? false : (lookup.get('res.company', first)?.currency_id ?? false);
      },
    }),
    code: related(char('Code', { readonly: false }), [], 'code_store'),
    code_store: char('Code Store'),
    placeholder_code: related(char('Display code'), [], 'code_store'),
    active: active(),
    account_type: sel('Type', ACCOUNT_TYPES_19, { required: true }),
    include_initial_balance: bool('Bring Accounts Balance Forward', {
      store: false,
      compute: (r) => !NO_INITIAL_BALANCE.has(String(r.account_type)),
    }),
    internal_group: sel('Internal Group', [...INTERNAL_GROUPS_17.slice(0, 5), ['off', 'Off Balance']], {
      store: false,
      compute: (r) => internalGroup(String(r.account_type), 19),
    }),
    company_ids: m2m('res.company', 'Companies', { required: true }),
    description: text('Description'),
  }, ['company_id', 'deprecated']),
  order: 'code, placeholder_code',
  displayName: (r) => String(r.name),
};

const JOURNAL_TYPES_17 = [
  ['sale', 'Sales'],
  ['purchase', 'Purchase'],
  ['cash', 'Cash'],
  ['bank', 'Bank'],
  ['general', 'Miscellaneous'],
] as const;

export const accountJournal: ModelDef = {
  name: 'account.journal',
  description: 'Journal',
  order: 'sequence, type, code',
  fields: {
    name: char('Journal Name', { required: true }),
    code: char('Short Code', { required: true }),
    active: active(),
    type: sel('Type', JOURNAL_TYPES_17, { required: true }),
    default_account_id: m2o('account.account', 'Default Account'),
    suspense_account_id: m2o('account.account', 'Suspense Account'),
    restrict_mode_hash_table: bool('Lock Posted Entries with Hash'),
    sequence: int('Sequence'),
    currency_id: m2o('res.currency', 'Currency'),
    company_id: m2o('res.company', 'Company', { required: true, readonly: true }),
    refund_sequence: bool('Dedicated Credit Note Sequence'),
    payment_sequence: bool('Dedicated Payment Sequence'),
    show_on_dashboard: bool('Show journal on dashboard'),
    color: int('Color Index'),
    company_partner_id: related(m2o('res.partner', 'Account Holder'), COMPANY, 'partner_id'),
  },
  // `_compute_display_name`: the name, and the currency when it is not the company's.
  displayName: (r, lookup) => {
    const company = typeof r.company_id === 'number' ? lookup.get('res.company', r.company_id) : undefined;
    if (typeof r.currency_id !== 'number' || r.currency_id === company?.currency_id) return String(r.name);
    return `${String(r.name)} (${String(lookup.get('res.currency', r.currency_id)?.name ?? '')})`;
  },
};

/** Odoo 18 adds the 'credit' (credit card) journal type; 19 relabels code and the hash option. */
export const accountJournal19: ModelDef = patchModel(accountJournal, {
  code: char('Sequence Prefix', { required: true }),
  type: sel('Type', [...JOURNAL_TYPES_17.slice(0, 4), ['credit', 'Credit Card'], JOURNAL_TYPES_17[4]], { required: true }),
  restrict_mode_hash_table: bool('Secure Posted Entries with Hash'),
});
