import type { Rng } from './random.ts';
import type { InvoiceableLine, ProductInfo, World } from './world.ts';
import { DAY_MS, fmtDate, round2 } from './format.ts';
import type { Accounting } from './accounting-setup.ts';
import type { JournalInfo, Lazy, Ledger, LineSpec, MoveDraft } from './ledger.ts';

/**
 * Invoices, bills and credit notes as Odoo computes their journal items:
 * one product line per invoiced line (income or expense account), one tax
 * line per tax (its amount rounded per line, the company's
 * `round_per_line`), one payment-term line on the receivable or payable
 * account for the total, due on the due date. Customer invoices and vendor
 * credit notes debit the receivable/payable line; the others credit it. In
 * a foreign currency each line's balance is its amount at the rate, and the
 * rounding difference goes to the first product line so the entry balances.
 */

export type DocumentType = 'out_invoice' | 'out_refund' | 'in_invoice' | 'in_refund';

/** An invoice line: an order line's fields (sale_line_ids or purchase_line_id point back to it) and an account. */
export interface DocumentLine extends Omit<InvoiceableLine, 'lineId' | 'section'> {
  /** A section heading: no account, no amount. */
  readonly section?: boolean;
  readonly accountId: number;
  readonly saleLineId?: number;
  readonly purchaseLineId?: number;
}

export interface DocumentSpec {
  readonly moveType: DocumentType;
  readonly journal: JournalInfo;
  readonly state: 'draft' | 'posted' | 'cancel';
  readonly createdAt: number;
  readonly postedAt?: number;
  readonly uid: number;
  /** The commercial partner invoiced, and where the goods went. */
  readonly partnerId: number;
  readonly shippingId?: number;
  readonly currencyId: number;
  readonly rate: number;
  readonly invoiceDate: number | false;
  readonly date: number;
  readonly due: number;
  readonly ref: Lazy<string | false>;
  readonly origin: string | false;
  readonly narration: string | false;
  readonly userId: number | false;
  readonly teamId: number | false;
  readonly paymentReference: Lazy<string | false>;
  readonly sent: boolean;
  readonly lines: readonly DocumentLine[];
  readonly reversedEntry?: MoveDraft;
}

export function buildDocument(ledger: Ledger, acc: Accounting, world: World, spec: DocumentSpec): MoveDraft {
  const termSign = spec.moveType === 'out_invoice' || spec.moveType === 'in_refund' ? 1 : -1;
  const sale = spec.moveType.startsWith('out_');
  const toCompany = (x: number): number => round2(x / spec.rate);
  const lines: LineSpec[] = [];
  const taxes = new Map<number, { amount: number; base: number }>();
  let totalCurrency = 0;
  for (const line of spec.lines) {
    if (line.section) {
      lines.push({
        accountId: false, displayType: 'line_section', balance: 0, amountCurrency: 0, currencyId: spec.currencyId,
        values: { ...emptyAmounts(), name: line.name, sequence: line.sequence },
      });
      continue;
    }
    const subtotal = round2(line.quantity * line.priceUnit * (1 - line.discount / 100));
    const tax = line.taxId === false ? 0 : round2(subtotal * (world.taxes.rates.get(line.taxId) ?? 0));
    if (line.taxId !== false) {
      const sum = taxes.get(line.taxId) ?? { amount: 0, base: 0 };
      taxes.set(line.taxId, { amount: round2(sum.amount + tax), base: round2(sum.base + subtotal) });
    }
    totalCurrency = round2(totalCurrency + subtotal + tax);
    lines.push({
      accountId: line.accountId, displayType: 'product', balance: toCompany(-termSign * subtotal), amountCurrency: -termSign * subtotal,
      currencyId: spec.currencyId,
      values: {
        ...emptyAmounts(), name: line.name, product_id: line.productId, product_uom_id: line.uomId, quantity: line.quantity,
        price_unit: line.priceUnit, discount: line.discount, price_subtotal: subtotal, price_total: round2(subtotal + tax),
        tax_ids: line.taxId === false ? [] : [line.taxId], sequence: line.sequence,
        sale_line_ids: line.saleLineId === undefined ? [] : [line.saleLineId], purchase_line_id: line.purchaseLineId ?? false,
      },
    });
  }
  for (const [taxId, { amount, base }] of taxes) {
    lines.push({
      accountId: sale ? acc.accounts.vatCollected : acc.accounts.vatDeductible, displayType: 'tax', balance: toCompany(-termSign * amount),
      amountCurrency: -termSign * amount, currencyId: spec.currencyId,
      values: { ...emptyAmounts(), name: world.taxes.names.get(taxId) ?? false, tax_line_id: taxId, tax_base_amount: toCompany(base), sequence: 10000 },
    });
  }
  const termBalance = termSign * toCompany(totalCurrency);
  const gap = round2(-termBalance - lines.reduce((sum, l) => sum + l.balance, 0));
  const first = lines.findIndex((l) => l.displayType === 'product');
  if (gap !== 0 && first >= 0) lines[first] = { ...lines[first]!, balance: round2(lines[first]!.balance + gap) };
  const reference = spec.paymentReference;
  lines.push({
    accountId: sale ? acc.accounts.receivable : acc.accounts.payable, displayType: 'payment_term', balance: termBalance,
    amountCurrency: termSign * totalCurrency, currencyId: spec.currencyId,
    // the payment reference (the invoice's number once posted), '' without one
    values: {
      ...emptyAmounts(), name: () => (typeof reference === 'function' ? reference() : reference) || '', date_maturity: fmtDate(spec.due),
      sequence: 12000,
    },
  });
  return ledger.move({
    moveType: spec.moveType, journal: spec.journal, state: spec.state, date: spec.date, createdAt: spec.createdAt, postedAt: spec.postedAt,
    uid: spec.uid, rate: spec.rate, reversedEntry: spec.reversedEntry,
    values: {
      ref: spec.ref, partner_id: spec.partnerId, commercial_partner_id: spec.partnerId, partner_shipping_id: sale ? spec.shippingId ?? spec.partnerId : false,
      invoice_date: spec.invoiceDate === false ? false : fmtDate(spec.invoiceDate), invoice_date_due: fmtDate(spec.due),
      invoice_origin: spec.origin, narration: spec.narration, invoice_user_id: spec.userId, team_id: spec.teamId, currency_id: spec.currencyId,
      payment_reference: spec.paymentReference, is_move_sent: spec.sent,
      invoice_partner_display_name: world.partnerNames.get(spec.partnerId) ?? false,
    },
  }, lines);
}

/** A journal item's product fields when it has none (tax, payment term, section, entries). */
export function emptyAmounts(): Record<string, unknown> {
  return {
    product_id: false, product_uom_id: false, quantity: 0, price_unit: 0, discount: 0, price_subtotal: 0, price_total: 0, tax_ids: [],
    tax_line_id: false, tax_base_amount: 0, date_maturity: false, sale_line_ids: [], purchase_line_id: false,
  };
}

/** The UTC day of an instant (epoch ms at 00:00). */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** `count` lines of random products (a document typed in by hand), priced in the document's currency at `rate`. */
export function randomLines(
  rng: Rng, products: readonly ProductInfo[], count: number, quantities: readonly number[],
  price: (p: ProductInfo) => number, tax: (p: ProductInfo) => number, accountId: number, rate: number,
): DocumentLine[] {
  const lines: DocumentLine[] = [];
  for (let k = 0; k < count; k++) {
    const product = products[rng.int(0, products.length - 1)]!;
    lines.push({
      name: product.displayName, productId: product.id, uomId: product.uomId, quantity: rng.pick(quantities),
      priceUnit: Math.round(price(product) * rate * 100) / 100, discount: 0, taxId: tax(product), accountId, sequence: 10 + k,
    });
  }
  return lines;
}
