import type { RecordValues } from '../model-def.ts';
import { directionSign } from '../models/account-move.ts';
import type { Seeder } from './seeder.ts';
import { fmtDate, round2 } from './format.ts';
import type { Lazy, Ledger, LineDraft, MoveDraft, PartialDraft, PaymentDraft } from './ledger.ts';

/** Writes a ledger: ids in creation order, numbers per sequence, matching, then every record with Odoo's derived values. */

export interface WriteContext {
  readonly seeder: Seeder;
  readonly version: number;
  readonly companyId: number;
  readonly companyCurrencyId: number;
}

export function writeLedger(ledger: Ledger, ctx: WriteContext): void {
  assignIds(ledger, ctx.seeder);
  numberMoves(ledger.moves);
  const { fulls, matching } = matchLines(ledger, ctx.seeder.peek('account.full.reconcile'));
  const newer = ctx.version >= 18;
  for (const move of ledger.moves) {
    const amounts = moveAmounts(move);
    const values = moveValues(move, amounts, ctx);
    ctx.seeder.insert('account.move', values, { create: move.createdAt, write: move.touchedAt, uid: move.uid });
    for (const line of move.lines) {
      ctx.seeder.insert('account.move.line', lineValues(line, values, ctx, matching.get(line)), {
        create: move.createdAt, write: line.partials.length ? Math.max(...line.partials.map((p) => p.at)) : move.postedAt ?? move.createdAt,
        uid: move.uid,
      });
    }
  }
  for (const payment of ledger.payments) {
    const move = payment.move;
    ctx.seeder.insert('account.payment', paymentValues(payment, ctx), { create: move.createdAt, write: move.touchedAt, uid: move.uid });
  }
  for (const partial of ledger.partials) {
    ctx.seeder.insert('account.partial.reconcile', {
      debit_move_id: partial.debit.id, credit_move_id: partial.credit.id, full_reconcile_id: partial.fullId, exchange_move_id: false,
      debit_currency_id: partial.debit.currencyId, credit_currency_id: partial.credit.currencyId, amount: partial.amount,
      debit_amount_currency: partial.amountCurrency, credit_amount_currency: partial.amountCurrency, company_id: ctx.companyId,
      max_date: fmtDate(Math.max(partial.debit.move.date, partial.credit.move.date)),
    }, { create: partial.at, write: partial.at, uid: reconciler(partial) });
  }
  for (const last of fulls) {
    ctx.seeder.insert('account.full.reconcile', newer ? {} : { exchange_move_id: false }, { create: last.at, write: last.at, uid: reconciler(last) });
  }
}

/** Who reconciled: whoever made the later of the two entries (the payment, the credit note). */
function reconciler(partial: PartialDraft): number {
  return (partial.debit.move.createdAt > partial.credit.move.createdAt ? partial.debit : partial.credit).move.uid;
}

/** Moves, lines and payments get ids in the order they were created; partials in the order they were made. */
function assignIds(ledger: Ledger, seeder: Seeder): void {
  let nextMove = seeder.peek('account.move');
  let nextLine = seeder.peek('account.move.line');
  for (const move of ledger.moves.sort((a, b) => a.createdAt - b.createdAt)) {
    move.id = nextMove++;
    for (const line of move.lines) line.id = nextLine++;
  }
  let nextPayment = seeder.peek('account.payment');
  ledger.payments.sort((a, b) => a.move.createdAt - b.move.createdAt);
  for (const payment of ledger.payments) payment.id = nextPayment++;
  let nextPartial = seeder.peek('account.partial.reconcile');
  ledger.partials.sort((a, b) => a.at - b.at);
  for (const partial of ledger.partials) partial.id = nextPartial++;
}

/**
 * `_get_starting_sequence`: sales, bank and cash journals number per year
 * (INV/2026/00001), the others per month (BILL/2026/10/0001); credit notes of
 * a journal with refund_sequence get an 'R', payments of one with
 * payment_sequence a 'P'. Numbers go in posting order; a draft never posted
 * has none.
 */
function numberMoves(moves: readonly MoveDraft[]): void {
  const numbered = moves.filter((m) => m.postedAt !== undefined).sort((a, b) => a.postedAt! - b.postedAt!);
  const counters = new Map<string, number>();
  for (const move of numbered) {
    const day = fmtDate(move.date);
    const yearly = ['sale', 'bank', 'cash'].includes(move.journal.type);
    let prefix = yearly ? `${move.journal.code}/${day.slice(0, 4)}/` : `${move.journal.code}/${day.slice(0, 4)}/${day.slice(5, 7)}/`;
    if (move.journal.refundSequence && (move.moveType === 'out_refund' || move.moveType === 'in_refund')) prefix = `R${prefix}`;
    if (move.journal.paymentSequence && move.payment) prefix = `P${prefix}`;
    const number = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, number);
    move.prefix = prefix;
    move.number = number;
    move.name = `${prefix}${String(number).padStart(yearly ? 5 : 4, '0')}`;
  }
}

/**
 * `_update_matching_number`: lines linked by partials form groups; a group
 * with nothing left open gets an account.full.reconcile (made when its last
 * partial was) and its id as matching number, the others 'P' and their
 * smallest partial id. Gives, for each full reconcile in id order, the partial that completed it.
 */
function matchLines(ledger: Ledger, firstFullId: number): { fulls: PartialDraft[]; matching: Map<LineDraft, Match> } {
  const groups: Array<{ lines: Set<LineDraft>; partials: PartialDraft[] }> = [];
  const groupOf = new Map<LineDraft, (typeof groups)[number]>();
  for (const partial of ledger.partials) {
    const a = groupOf.get(partial.debit);
    const b = groupOf.get(partial.credit);
    let group = a ?? b;
    if (!group) groups.push((group = { lines: new Set(), partials: [] }));
    if (a && b && a !== b) {
      for (const line of b.lines) a.lines.add(line);
      a.partials.push(...b.partials);
      b.lines.clear();
      b.partials.length = 0;
    }
    group.lines.add(partial.debit).add(partial.credit);
    group.partials.push(partial);
    for (const line of group.lines) groupOf.set(line, group);
  }
  // partials are in id (time) order: a group's last one completed it
  const lastOf = (g: (typeof groups)[number]): PartialDraft => g.partials.reduce((a, b) => (b.id > a.id ? b : a));
  const settled = groups
    .filter((g) => g.lines.size > 0 && [...g.lines].every((l) => l.residual === 0 && l.residualCurrency === 0))
    .sort((x, y) => lastOf(x).id - lastOf(y).id);
  settled.forEach((group, i) => {
    for (const partial of group.partials) partial.fullId = firstFullId + i;
  });
  const matching = new Map<LineDraft, Match>();
  for (const group of groups) {
    const full = group.partials[0]?.fullId;
    const number = full ? String(full) : `P${Math.min(...group.partials.map((p) => p.id))}`;
    for (const line of group.lines) matching.set(line, { number, full: full ?? false });
  }
  return { fulls: settled.map(lastOf), matching };
}

interface Match {
  readonly number: string;
  readonly full: number | false;
}

function resolve(values: Readonly<Record<string, Lazy<unknown>>>): RecordValues {
  const out: RecordValues = {};
  for (const [key, value] of Object.entries(values)) out[key] = typeof value === 'function' ? (value as () => unknown)() : value;
  return out;
}

/** -0 reads as 0, as PostgreSQL's numeric has no negative zero. */
function money(x: number): number {
  return round2(x) + 0;
}

/** `_compute_amount`, word for word. */
export function moveAmounts(move: MoveDraft): RecordValues {
  let untaxed = 0, untaxedCur = 0, tax = 0, taxCur = 0, residual = 0, residualCur = 0, total = 0, totalCur = 0;
  const invoice = move.moveType !== 'entry';
  for (const line of move.lines) {
    if (!invoice) {
      if (line.balance > 0) {
        total += line.balance;
        totalCur += line.amountCurrency;
      }
    } else if (line.displayType === 'tax') {
      tax += line.balance;
      taxCur += line.amountCurrency;
      total += line.balance;
      totalCur += line.amountCurrency;
    } else if (line.displayType === 'product' || line.displayType === 'rounding') {
      untaxed += line.balance;
      untaxedCur += line.amountCurrency;
      total += line.balance;
      totalCur += line.amountCurrency;
    } else if (line.displayType === 'payment_term') {
      residual += line.residual;
      residualCur += line.residualCurrency;
    }
  }
  const sign = directionSign(move.moveType);
  const amountTotal = money(sign * totalCur);
  return {
    amount_untaxed: money(sign * untaxedCur),
    amount_tax: money(sign * taxCur),
    amount_total: amountTotal,
    amount_residual: money(-sign * residualCur),
    amount_untaxed_signed: money(-untaxed),
    amount_tax_signed: money(-tax),
    amount_total_signed: invoice ? money(-total) : money(Math.abs(total)),
    amount_residual_signed: money(residual),
    amount_total_in_currency_signed: invoice ? money(-(sign * amountTotal)) : Math.abs(amountTotal),
    amount_untaxed_in_currency_signed: money(-untaxedCur),
  };
}

/**
 * `_compute_payment_state` as Odoo Community computes it (its
 * `_get_invoice_in_payment_state` gives 'paid': 'in_payment' needs the
 * Accounting app): only posted invoices have one, from the partials on their
 * receivable/payable lines.
 */
export function paymentState(move: MoveDraft, amountResidual: number): string {
  if (move.moveType === 'entry' || move.state !== 'posted') return 'not_paid';
  const counterparts: MoveDraft[] = [];
  for (const line of move.lines) {
    if (line.accountType !== 'asset_receivable' && line.accountType !== 'liability_payable') continue;
    for (const p of line.partials) {
      const other = p.debit === line ? p.credit : p.debit;
      if (other.move !== move) counterparts.push(other.move);
    }
  }
  if (Math.abs(amountResidual) < 0.005) {
    if (counterparts.some((m) => m.payment)) return 'paid';
    const types = [...new Set(counterparts.map((m) => m.moveType))].sort().join(',');
    const reversed = (['in_invoice', 'in_receipt'].includes(move.moveType) && (types === 'in_refund' || types === 'entry,in_refund'))
      || (['out_invoice', 'out_receipt'].includes(move.moveType) && (types === 'out_refund' || types === 'entry,out_refund'))
      || (['entry', 'out_refund', 'in_refund'].includes(move.moveType) && types === 'entry');
    return reversed ? 'reversed' : 'paid';
  }
  return counterparts.length ? 'partial' : 'not_paid';
}

function moveValues(move: MoveDraft, amounts: RecordValues, ctx: WriteContext): RecordValues {
  const newer = ctx.version >= 18;
  const header = resolve(move.values);
  const { amount_untaxed_in_currency_signed: untaxedInCurrency, ...common } = amounts;
  const invoice = move.moveType !== 'entry';
  return {
    name: move.name || (newer ? false : '/'), date: fmtDate(move.date), state: move.state, move_type: move.moveType,
    journal_id: move.journal.id, company_id: ctx.companyId, auto_post: 'no', posted_before: move.postedAt !== undefined,
    sequence_prefix: move.prefix, sequence_number: move.number, reversed_entry_id: move.reversedEntry?.id ?? false,
    ...header,
    ...common,
    payment_state: paymentState(move, amounts.amount_residual as number),
    ...(newer
      ? {
        origin_payment_id: move.payment?.id ?? false, matched_payment_ids: move.matchedPayments.map((p) => p.id),
        checked: move.state === 'posted', made_sequence_gap: false, amount_untaxed_in_currency_signed: untaxedInCurrency,
        invoice_currency_rate: invoice ? move.rate : 0,
      }
      : { payment_id: move.payment?.id ?? false, to_check: false, is_storno: false }),
  };
}

function lineValues(line: LineDraft, move: RecordValues, ctx: WriteContext, match: Match | undefined): RecordValues {
  return {
    move_id: line.move.id, move_name: move.name, date: move.date, ref: move.ref, parent_state: move.state, journal_id: move.journal_id,
    company_id: ctx.companyId, company_currency_id: ctx.companyCurrencyId, account_id: line.accountId, display_type: line.displayType,
    debit: line.balance > 0 ? line.balance : 0, credit: line.balance < 0 ? money(-line.balance) : 0, balance: money(line.balance),
    amount_currency: money(line.amountCurrency), currency_id: line.currencyId, partner_id: move.commercial_partner_id,
    payment_id: line.move.payment?.id ?? false, amount_residual: money(line.residual),
    amount_residual_currency: money(line.residualCurrency), reconciled: line.tracked && line.residual === 0 && line.residualCurrency === 0,
    full_reconcile_id: match?.full ?? false, matching_number: match?.number ?? false,
    ...resolve(line.values),
  };
}

/** account.payment: on 17 what it holds beside its move; from 18 a record of its own with a state. */
function paymentValues(payment: PaymentDraft, ctx: WriteContext): RecordValues {
  const newer = ctx.version >= 18;
  const own = resolve(payment.values);
  // `_compute_reconciliation_status` reads the residual in the payment's currency
  const counterpart = payment.counterpart;
  const isReconciled = (counterpart.currencyId === ctx.companyCurrencyId ? counterpart.residual : counterpart.residualCurrency) === 0;
  const common = {
    ...own, payment_type: payment.paymentType, partner_type: payment.partnerType, amount: payment.amount,
    amount_company_currency_signed: money(payment.liquidity.balance), is_reconciled: isReconciled, is_matched: false,
  };
  if (!newer) return { move_id: payment.move.id, ...common, is_internal_transfer: false };
  // `_compute_state`: in process until the outstanding line is matched, unless every invoice it paid is paid
  const invoices = payment.counterpart.partials.map((p) => (p.debit === payment.counterpart ? p.credit : p.debit).move)
    .filter((m) => m.moveType !== 'entry');
  const paid = invoices.length > 0 && invoices.every((m) => paymentState(m, moveAmounts(m).amount_residual as number) === 'paid');
  return {
    name: payment.move.name, date: fmtDate(payment.move.date), move_id: payment.move.id, journal_id: payment.move.journal.id,
    company_id: ctx.companyId, state: paid ? 'paid' : 'in_process', ...common, is_sent: false,
    invoice_ids: payment.invoices.map((m) => m.id),
  };
}
