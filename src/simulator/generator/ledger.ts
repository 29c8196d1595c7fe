import { round2 } from './format.ts';

/**
 * Journal entries as the accounting step builds them, before they are
 * written: moves with their lines, payments, and the partial reconciliations
 * that lower the lines' residual amounts. Everything is kept in memory and
 * written at the end (ledger-write.ts), once ids, numbers, matching numbers
 * and every amount Odoo derives from the lines are known.
 */

export interface JournalInfo {
  readonly id: number;
  readonly code: string;
  readonly type: 'sale' | 'purchase' | 'general' | 'bank' | 'cash';
  readonly refundSequence: boolean;
  readonly paymentSequence: boolean;
}

/** A value, or a function giving it once the moves have their numbers. */
export type Lazy<T> = T | (() => T);

export interface LineSpec {
  readonly accountId: number | false;
  readonly displayType: string;
  /** Company currency, debit positive. */
  readonly balance: number;
  readonly amountCurrency: number;
  readonly currencyId: number;
  /** Label, product, quantity, prices, taxes, links to order lines...: written as given (functions resolved). */
  readonly values: Readonly<Record<string, Lazy<unknown>>>;
}

export interface LineDraft extends LineSpec {
  readonly move: MoveDraft;
  /** Odoo computes a residual for lines on reconcilable accounts and on bank, cash and credit card accounts. */
  readonly tracked: boolean;
  readonly accountType: string | false;
  residual: number;
  residualCurrency: number;
  readonly partials: PartialDraft[];
  id: number;
}

export interface MoveHeader {
  readonly moveType: string;
  readonly journal: JournalInfo;
  readonly state: 'draft' | 'posted' | 'cancel';
  /** The accounting date (epoch ms, UTC day). */
  readonly date: number;
  readonly createdAt: number;
  /** When it was posted (kept by a cancelled move that had been posted): it then has a number. */
  readonly postedAt?: number;
  readonly uid: number;
  /** Units of the move's currency for one unit of the company's (1 for the company currency). */
  readonly rate: number;
  /** Header fields (partner, invoice dates, ref, origin...): written as given (functions resolved). */
  readonly values: Readonly<Record<string, Lazy<unknown>>>;
  readonly reversedEntry?: MoveDraft;
}

export interface MoveDraft extends MoveHeader {
  readonly lines: LineDraft[];
  touchedAt: number;
  payment?: PaymentDraft;
  readonly matchedPayments: PaymentDraft[];
  id: number;
  name: string | false;
  prefix: string;
  number: number;
}

export interface PaymentDraft {
  readonly move: MoveDraft;
  readonly paymentType: 'inbound' | 'outbound';
  readonly partnerType: 'customer' | 'supplier';
  readonly amount: number;
  readonly values: Readonly<Record<string, Lazy<unknown>>>;
  readonly liquidity: LineDraft;
  readonly counterpart: LineDraft;
  /** The invoices it was registered for (Odoo 18+ invoice_ids). */
  readonly invoices: MoveDraft[];
  id: number;
}

export interface PartialDraft {
  readonly debit: LineDraft;
  readonly credit: LineDraft;
  readonly amount: number;
  readonly amountCurrency: number;
  readonly at: number;
  id: number;
  fullId: number | false;
}

export class Ledger {
  readonly moves: MoveDraft[] = [];
  readonly payments: PaymentDraft[] = [];
  readonly partials: PartialDraft[] = [];

  constructor(
    /** account id -> [account_type, reconcile] */
    private readonly accounts: ReadonlyMap<number, readonly [string, boolean]>,
  ) {}

  /** A move and its lines; they must balance in the company's currency. */
  move(header: MoveHeader, lines: readonly LineSpec[]): MoveDraft {
    const move: MoveDraft = {
      ...header, lines: [], touchedAt: Math.max(header.createdAt, header.postedAt ?? 0), matchedPayments: [], id: 0, name: false,
      prefix: '', number: 0,
    };
    let sum = 0;
    for (const spec of lines) {
      const account = spec.accountId === false ? undefined : this.accounts.get(spec.accountId);
      if (spec.accountId !== false && !account) throw new Error(`ledger: unknown account ${spec.accountId}`);
      const tracked = account !== undefined && (account[1] || account[0] === 'asset_cash' || account[0] === 'liability_credit_card');
      move.lines.push({
        ...spec, move, tracked, accountType: account ? account[0] : false, residual: tracked ? spec.balance : 0,
        residualCurrency: tracked ? spec.amountCurrency : 0, partials: [], id: 0,
      });
      sum += spec.balance;
    }
    if (Math.abs(sum) > 0.001) throw new Error(`ledger: ${header.moveType} of ${new Date(header.date).toISOString()} is off by ${sum}`);
    this.moves.push(move);
    return move;
  }

  /** Links a payment to its (already built) entry. */
  payment(draft: Omit<PaymentDraft, 'id'>): PaymentDraft {
    const payment: PaymentDraft = { ...draft, id: 0 };
    draft.move.payment = payment;
    for (const invoice of draft.invoices) invoice.matchedPayments.push(payment);
    this.payments.push(payment);
    return payment;
  }

  /**
   * `_reconcile_plan`: matches a debit line with a credit line for as much as
   * both still have open (in both currencies); nothing when either is settled.
   */
  reconcile(a: LineDraft, b: LineDraft, at: number): PartialDraft | undefined {
    const [debit, credit] = a.balance > 0 ? [a, b] : [b, a];
    if (!debit.tracked || !credit.tracked || debit.balance <= 0 || credit.balance >= 0) throw new Error('ledger: cannot reconcile these lines');
    const amount = round2(Math.min(debit.residual, -credit.residual));
    const amountCurrency = round2(Math.min(debit.residualCurrency, -credit.residualCurrency));
    if (amount <= 0 || amountCurrency <= 0) return undefined;
    debit.residual = round2(debit.residual - amount);
    credit.residual = round2(credit.residual + amount);
    debit.residualCurrency = round2(debit.residualCurrency - amountCurrency);
    credit.residualCurrency = round2(credit.residualCurrency + amountCurrency);
    const partial: PartialDraft = { debit, credit, amount, amountCurrency, at, id: 0, fullId: false };
    debit.partials.push(partial);
    credit.partials.push(partial);
    this.partials.push(partial);
    debit.move.touchedAt = Math.max(debit.move.touchedAt, at);
    credit.move.touchedAt = Math.max(credit.move.touchedAt, at);
    return partial;
  }
}

/** The receivable/payable line of an invoice (its payment_term line). */
export function termLine(move: MoveDraft): LineDraft {
  const line = move.lines.find((l) => l.displayType === 'payment_term');
  if (!line) throw new Error(`ledger: ${move.moveType} has no payment term line`);
  return line;
}
