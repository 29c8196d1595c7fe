import { internalGroup, NO_INITIAL_BALANCE } from '../models/account.ts';
import type { Rng } from './random.ts';
import type { World } from './world.ts';
import { installStamp, masterStamp } from './world.ts';
import { fmtDate } from './format.ts';
import type { JournalInfo } from './ledger.ts';

/**
 * The accounting master data: a French chart of accounts (l10n_fr's PCG as
 * Odoo installs it, English names as an API read without a language gets
 * them, plus the accounts Odoo creates for banks and cash), the journals of
 * the chart template and the company's bank in dollars, and monthly rates
 * for the dollar and the Swiss franc.
 */

type AccountKey =
  | 'capital' | 'legalReserve' | 'retained' | 'officeEquipment' | 'depreciation' | 'payable' | 'receivable' | 'posReceivable'
  | 'salariesPayable' | 'social' | 'vatToPay' | 'vatDeductible' | 'vatCollected' | 'bank' | 'bankSuspense' | 'outstandingReceipts'
  | 'outstandingPayments' | 'bankUsd' | 'cash' | 'transfer' | 'purchases' | 'purchasesB' | 'purchaseRebates' | 'rent' | 'telecom'
  | 'bankFees' | 'salaries' | 'socialCharges' | 'discountsAllowed' | 'exchangeLosses' | 'depreciationExpense' | 'services' | 'sales'
  | 'salesRebates' | 'discountsObtained' | 'exchangeGains' | 'undistributed';

// key, code, name, type, reconcile
const CHART: ReadonlyArray<readonly [AccountKey, string, string, string, boolean]> = [
  ['capital', '101300', 'Subscribed capital - called up, paid', 'equity', false],
  ['legalReserve', '106100', 'Legal reserve', 'equity', false],
  ['retained', '110000', 'Profit carried forward', 'equity', false],
  ['officeEquipment', '218300', 'Intangible fixed assets - Office and computing equipment', 'asset_fixed', false],
  ['depreciation', '281800', 'Other tangible fixed assets (same allocation as for Account 218)', 'asset_fixed', false],
  ['payable', '401100', 'Suppliers - Purchase of goods and services', 'liability_payable', true],
  ['receivable', '411100', 'Customers - Sales of goods or services', 'asset_receivable', true],
  ['posReceivable', '411101', 'Customers - Sales of goods or services (PoS)', 'asset_receivable', true],
  ['salariesPayable', '421000', 'Personnel - Remuneration payable', 'liability_current', true],
  ['social', '431000', 'Social security', 'liability_current', true],
  ['vatToPay', '445510', 'VAT to be paid', 'liability_current', true],
  ['vatDeductible', '445660', 'Deductible VAT on other goods and services', 'asset_current', false],
  ['vatCollected', '445710', 'VAT collected', 'liability_current', false],
  // made by the bank journal and `_setup_utility_bank_accounts` (prefix 512, 6 digits)
  ['bank', '512001', 'Bank', 'asset_cash', false],
  ['bankSuspense', '512002', 'Bank Suspense Account', 'asset_current', false],
  ['outstandingReceipts', '512003', 'Outstanding Receipts', 'asset_current', true],
  ['outstandingPayments', '512004', 'Outstanding Payments', 'asset_current', true],
  ['bankUsd', '512005', 'Bank USD', 'asset_cash', false],
  ['cash', '530001', 'Cash', 'asset_cash', false],
  ['transfer', '580001', 'Liquidity Transfer', 'asset_current', true],
  ['purchases', '607100', 'Purchase of goods (or group) A', 'expense', false],
  ['purchasesB', '607200', 'Purchase of goods (or group) B', 'expense', false],
  ['purchaseRebates', '609700', 'Discounts, rebates and discounts - Inventory item purchases - Goods for resale', 'expense', false],
  ['rent', '613200', 'Real property rental', 'expense', false],
  ['telecom', '626000', 'Postal and telecommunication costs', 'expense', false],
  ['bankFees', '627800', 'Other expenses and commissions on services supplied', 'expense', false],
  ['salaries', '641100', 'Salaries, emoluments', 'expense', false],
  ['socialCharges', '645100', 'Social Security Collection Office (URSSAF) contributions', 'expense', false],
  ['discountsAllowed', '665000', 'Discounts allowed', 'expense', false],
  ['exchangeLosses', '666000', 'Exchange losses', 'expense', false],
  ['depreciationExpense', '681120', 'Appropriations to depreciation on Tangible fixed assets', 'expense', false],
  ['services', '706000', 'Services supplied', 'income', false],
  ['sales', '707100', 'Goods for resale (or group) A', 'income', false],
  ['salesRebates', '709700', 'Sales rebates, discounts, allowances granted by the entity on Sales of goods for resale', 'income', false],
  ['discountsObtained', '765000', 'Discounts obtained', 'income', false],
  ['exchangeGains', '766000', 'Exchange gains', 'income', false],
  // `_get_unaffected_earnings_account` creates it on first need
  ['undistributed', '999999', 'Undistributed Profits/Losses', 'equity_unaffected', false],
];

export interface Accounting {
  readonly accounts: Readonly<Record<AccountKey, number>>;
  /** account id -> [account_type, reconcile] */
  readonly types: ReadonlyMap<number, readonly [string, boolean]>;
  readonly journals: Readonly<Record<'sale' | 'purchase' | 'misc' | 'bank' | 'cash' | 'bankUsd', JournalInfo>>;
  readonly usd: number;
  /** Units of `currency` for one euro on `day` (epoch ms): the latest rate on or before it. */
  rate(currency: number, day: number): number;
  /** The day (epoch ms) the rate in force on `day` was replaced, or Infinity. */
  rateEnds(currency: number, day: number): number;
}

export function seedAccountingSetup(world: World, rng: Rng): Accounting {
  const { seeder } = world;
  const newer = world.version >= 18;
  const usd = world.currencies.get('USD')!;
  const accounts = {} as Record<AccountKey, number>;
  const types = new Map<number, readonly [string, boolean]>();
  CHART.forEach(([key, code, name, type, reconcile], i) => {
    // the old group B purchases account: deprecated (archived from Odoo 18) some time after install
    const retired = key === 'purchasesB';
    const stamp = key === 'bankUsd' || retired ? masterStamp(world, rng, world.users.admin, retired ? 1 : 0) : installStamp(world, 6 + i / 100);
    const id = seeder.insert('account.account', {
      name, currency_id: key === 'bankUsd' ? usd : false, account_type: type, reconcile, tax_ids: [], note: false, non_trade: false,
      ...(newer
        ? { code_store: code, active: !retired, company_ids: [world.companyId], description: false }
        : {
          code, deprecated: retired, company_id: world.companyId, include_initial_balance: !NO_INITIAL_BALANCE.has(type),
          internal_group: internalGroup(type, world.version),
        }),
    }, stamp);
    accounts[key] = id;
    types.set(id, [type, reconcile]);
  });
  const journals = seedJournals(world, rng, accounts);
  const rates = seedRates(world, rng);
  return {
    accounts, types, journals, usd,
    rate: (currency, day) => {
      const list = rates.get(currency);
      if (!list) return 1;
      let rate = list[0]![1];
      for (const [from, value] of list) if (from <= day) rate = value;
      return rate;
    },
    rateEnds: (currency, day) => rates.get(currency)?.find(([from]) => from > day)?.[0] ?? Infinity,
  };
}

function seedJournals(world: World, rng: Rng, accounts: Record<AccountKey, number>): Accounting['journals'] {
  const { seeder } = world;
  const newer = world.version >= 18;
  const journal = (
    name: string, code: string, type: JournalInfo['type'], sequence: number, defaultAccount: number | false,
    extra: { currency?: number; dashboard?: boolean; stamp?: ReturnType<typeof installStamp> } = {},
  ): JournalInfo => {
    const refundSequence = type === 'sale' || type === 'purchase';
    const paymentSequence = type === 'bank' || type === 'cash';
    const id = seeder.insert('account.journal', {
      name, code, active: true, type, default_account_id: defaultAccount,
      suspense_account_id: paymentSequence ? accounts.bankSuspense : false, restrict_mode_hash_table: false, sequence,
      currency_id: extra.currency ?? false, company_id: world.companyId, refund_sequence: refundSequence,
      payment_sequence: paymentSequence, show_on_dashboard: extra.dashboard ?? true, color: refundSequence ? 11 : 0,
    }, extra.stamp ?? installStamp(world, 7));
    return { id, code, type, refundSequence, paymentSequence };
  };
  // the chart template's journals (Odoo 18 renamed the first two and moved Bank and Misc)
  const sale = journal(newer ? 'Sales' : 'Customer Invoices', 'INV', 'sale', 5, accounts.sales);
  const purchase = journal(newer ? 'Purchases' : 'Vendor Bills', 'BILL', 'purchase', 6, accounts.purchases);
  const misc = journal('Miscellaneous Operations', 'MISC', 'general', newer ? 9 : 7, false);
  journal('Exchange Difference', 'EXCH', 'general', newer ? 10 : 9, false, { dashboard: false });
  journal('Cash Basis Taxes', 'CABA', 'general', 10, false, { dashboard: false });
  const bank = journal('Bank', 'BNK1', 'bank', newer ? 7 : 10, accounts.bank);
  const cash = journal('Cash', 'CSH1', 'cash', 10, accounts.cash);
  const bankUsd = journal('Bank USD', 'BNK2', 'bank', 11, accounts.bankUsd, {
    currency: world.currencies.get('USD')!, stamp: masterStamp(world, rng, world.users.admin, 0),
  });
  return { sale, purchase, misc, bank, cash, bankUsd };
}

/** One rate a month (the 1st) for USD and CHF, from ten months back: what a user keys in without the live-rates app. */
function seedRates(world: World, rng: Rng): Map<number, Array<readonly [number, number]>> {
  const out = new Map<number, Array<readonly [number, number]>>();
  const now = new Date(world.now);
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 10, 1);
  for (const [code, start] of [['USD', 1.08], ['CHF', 0.94]] as const) {
    const currency = world.currencies.get(code)!;
    const list: Array<readonly [number, number]> = [];
    let rate: number = start;
    for (let day = first; day <= world.now; ) {
      rate = Math.round(rate * (1 + rng.float(-0.02, 0.02)) * 1e6) / 1e6;
      const at = day + 8 * 3_600_000 + rng.int(0, 90) * 60_000;
      world.seeder.insert('res.currency.rate', {
        name: fmtDate(day), rate, currency_id: currency, company_id: world.companyId,
      }, { create: Math.min(at, world.now), write: Math.min(at, world.now), uid: world.users.admin });
      list.push([day, rate]);
      const d = new Date(day);
      day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    out.set(currency, list);
  }
  return out;
}
