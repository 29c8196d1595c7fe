import type { Rng } from './random.ts';
import type { World } from './world.ts';
import { DAY_MS, HOUR_MS, fmtDate, round2 } from './format.ts';
import type { Accounting } from './accounting-setup.ts';
import { dayOf, emptyAmounts } from './invoice-build.ts';
import { termLine, type JournalInfo, type Lazy, type Ledger, type MoveDraft, type PaymentDraft } from './ledger.ts';

/**
 * Payments as Odoo's "Register Payment" makes them: an entry on a bank or
 * cash journal that debits Outstanding Receipts (credits Outstanding
 * Payments) and credits (debits) the partner's receivable (payable) line,
 * reconciled at once with the invoice's. No bank statement is generated, so
 * the outstanding lines stay open and no payment is "matched".
 */

export interface AccountingContext {
  readonly world: World;
  readonly acc: Accounting;
  readonly ledger: Ledger;
}

/** How a partner pays: at once, around the due date, late, in two instalments, a part only, or not at all. */
export type Payer = 'immediate' | 'punctual' | 'late' | 'instalments' | 'partial' | 'never';

// `_get_aml_default_display_map`, in French (the administrator's language, in which the labels are written)
const LABELS: Readonly<Record<string, string>> = {
  'inbound customer': 'Paiement client',
  'outbound customer': 'Remboursement client',
  'outbound supplier': 'Paiement fournisseur',
  'inbound supplier': 'Remboursement fournisseur',
};

export interface PaymentSpec {
  readonly paymentType: 'inbound' | 'outbound';
  readonly partnerType: 'customer' | 'supplier';
  readonly partnerId: number;
  readonly amount: number;
  readonly currencyId: number;
  readonly journal: JournalInfo;
  readonly at: number;
  readonly memo: Lazy<string | false>;
  readonly invoices: MoveDraft[];
}

export function buildPayment(ctx: AccountingContext, spec: PaymentSpec): PaymentDraft {
  const { world, acc, ledger } = ctx;
  const day = dayOf(spec.at);
  const rate = spec.currencyId === world.currencyId ? 1 : acc.rate(spec.currencyId, day);
  const inbound = spec.paymentType === 'inbound';
  const amountCurrency = inbound ? spec.amount : -spec.amount;
  const balance = round2(amountCurrency / rate);
  const partner = world.partnerNames.get(spec.partnerId) ?? '';
  // `_get_aml_default_display_name_list`: label, amount (formatLang), partner, date (fr_FR: 14/10/2026)
  const label = `${LABELS[`${spec.paymentType} ${spec.partnerType}`]} ${formatAmount(spec.amount, spec.currencyId === acc.usd)} - ${partner} - ${
    fmtDate(day).split('-').reverse().join('/')}`;
  const outstanding = inbound ? acc.accounts.outstandingReceipts : acc.accounts.outstandingPayments;
  const destination = spec.partnerType === 'customer' ? acc.accounts.receivable : acc.accounts.payable;
  const lineValues = { ...emptyAmounts(), name: label, quantity: 1, date_maturity: fmtDate(day), sequence: 100 };
  const move = ledger.move({
    moveType: 'entry', journal: spec.journal, state: 'posted', date: day, createdAt: spec.at, postedAt: spec.at, uid: world.users.admin, rate,
    values: {
      ref: spec.memo, partner_id: spec.partnerId, commercial_partner_id: spec.partnerId, partner_shipping_id: false, invoice_date: false,
      invoice_date_due: fmtDate(day), invoice_origin: false, narration: false, invoice_user_id: false, team_id: world.teams.b2b,
      currency_id: spec.currencyId, payment_reference: false, is_move_sent: false, invoice_partner_display_name: partner || false,
    },
  }, [
    { accountId: outstanding, displayType: 'product', balance, amountCurrency, currencyId: spec.currencyId, values: lineValues },
    { accountId: destination, displayType: 'product', balance: -balance, amountCurrency: -amountCurrency, currencyId: spec.currencyId, values: lineValues },
  ]);
  return ledger.payment({
    move, paymentType: spec.paymentType, partnerType: spec.partnerType, amount: spec.amount, liquidity: move.lines[0]!,
    counterpart: move.lines[1]!, invoices: spec.invoices,
    values: {
      partner_id: spec.partnerId, currency_id: spec.currencyId, payment_reference: false, outstanding_account_id: outstanding,
      destination_account_id: destination, ...(world.version >= 18 ? { memo: spec.memo } : {}),
    },
  });
}

/** formatLang with the currency: '1 234,56 €' (euro after the amount), '$ 1 234,56'. */
function formatAmount(amount: number, dollars: boolean): string {
  const [units, cents] = amount.toFixed(2).split('.') as [string, string];
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return dollars ? `$\u00a0${grouped},${cents}` : `${grouped},${cents}\u00a0€`;
}

export interface Settlement {
  readonly invoice: MoveDraft;
  readonly due: number;
  readonly payer: Payer;
  /** No payment before this instant (the invoice's posting, a credit note). */
  readonly notBefore: number;
  readonly journal?: JournalInfo;
}

/**
 * Registers the payments of a posted invoice or bill (customer invoices
 * inbound, bills outbound) for what is still open, on the dates its payer
 * would pay; those that would fall after now are not made. A payment in a
 * foreign currency is made while the invoice's rate is in force, so the
 * amounts match in both currencies and no exchange difference arises.
 */
export function settle(ctx: AccountingContext, rng: Rng, s: Settlement): void {
  const { world, acc } = ctx;
  const term = termLine(s.invoice);
  const customer = s.invoice.moveType.startsWith('out_');
  const currencyId = term.currencyId;
  const foreign = currencyId !== world.currencyId;
  // in a foreign currency, one payment for the whole: parts converted one by one could leave a cent in euros
  const payer = foreign && (s.payer === 'instalments' || s.payer === 'partial') ? 'punctual' : s.payer;
  const plan: Array<readonly [number, number]> = []; // [day offset from due, share of what is open]
  if (payer === 'immediate') plan.push([rng.int(0, 1), 1]);
  else if (payer === 'punctual') plan.push([rng.int(-7, 5), 1]);
  else if (payer === 'late') plan.push([rng.int(8, 70), 1]);
  else if (payer === 'instalments') plan.push([rng.int(-5, 5), rng.float(0.35, 0.65)], [rng.int(25, 75), 1]);
  else if (payer === 'partial') plan.push([rng.int(-5, 20), 0.4]);
  let earliest = s.notBefore;
  const deadline = foreign ? acc.rateEnds(currencyId, dayOf(s.invoice.date)) - HOUR_MS : Infinity;
  for (const [offset, share] of plan) {
    const open = Math.abs(term.residualCurrency);
    if (open <= 0) return;
    const amount = share >= 1 ? open : round2(open * share);
    const at = Math.max(dayOf(s.due) + offset * DAY_MS + rng.int(8 * 60, 18 * 60) * 60_000, earliest + HOUR_MS);
    if (at > world.now - HOUR_MS / 2 || at > deadline) return;
    const journal = s.journal ?? (foreign ? acc.journals.bankUsd : acc.journals.bank);
    const reference = s.invoice.values.payment_reference;
    const payment = buildPayment(ctx, {
      paymentType: customer ? 'inbound' : 'outbound', partnerType: customer ? 'customer' : 'supplier',
      partnerId: s.invoice.values.commercial_partner_id as number, amount, currencyId, journal, at, invoices: [s.invoice],
      // `_get_batch_communication`: the payment reference, else the reference, else the number
      memo: () => resolveText(reference) || resolveText(s.invoice.values.ref) || s.invoice.name,
    });
    ctx.ledger.reconcile(payment.counterpart, term, at);
    earliest = at;
  }
}

function resolveText(value: Lazy<unknown> | undefined): string | false {
  const v = typeof value === 'function' ? (value as () => unknown)() : value;
  return typeof v === 'string' && v ? v : false;
}
