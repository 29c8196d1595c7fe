import type { Rng } from './random.ts';
import type { InvoicedSale } from './world.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './format.ts';
import { buildDocument, dayOf, randomLines, type DocumentLine, type DocumentSpec } from './invoice-build.ts';
import { termLine, type MoveDraft } from './ledger.ts';
import { settle, type AccountingContext, type Payer } from './settlement.ts';

/**
 * Customer invoices: one per invoiced sale order (invoice_origin the order's
 * name), among them a few drafts (the latest), a few cancelled and issued
 * again, a few reversed by a credit note and issued again, a few with a
 * commercial-gesture credit note; and invoices made directly in Invoicing,
 * some from before the orders' window, among which a fixed few are left open
 * at chosen ages so that every aging bucket has some.
 */

export const DIRECT_INVOICES_PER_SCALE = 40;
/** Days past due of the invoices left open on purpose: not due yet, 1-30, 31-60, 61-90, over 90 (twice). */
const AGING_TARGETS = [-20, 12, 44, 75, 110, 170];
const PAYMENT_TERM_DAYS = 30;

/** How many of `n` documents get a role: a share, at least one when there are a few. */
export function roleCount(n: number, share: number): number {
  return n >= 4 ? Math.max(1, Math.round(n * share)) : 0;
}

export function seedCustomerInvoices(ctx: AccountingContext, rng: Rng, scale: number): void {
  const { world } = ctx;
  const sales = [...world.invoicedSales].sort((a, b) => a.invoicedAt - b.invoicedAt);
  const drafts = new Set(sales.slice(sales.length - roleCount(sales.length, 0.06)));
  const older = sales.filter((s) => !drafts.has(s) && s.invoicedAt < world.now - 12 * DAY_MS);
  const r = roleCount(sales.length, 0.03);
  const picked = rng.sample(older, 2 * r + roleCount(sales.length, 0.05));
  const reversed = new Set(picked.slice(0, r));
  const cancelled = new Set(picked.slice(r, 2 * r));
  const gestures = new Set(picked.slice(2 * r));
  const payers = new Map<number, Payer>();
  const payerOf = (partner: number, business: boolean): Payer => {
    if (!business) return rng.chance(0.92) ? 'immediate' : 'late';
    let payer = payers.get(partner);
    if (!payer) payers.set(partner, (payer = rng.chance(0.45) ? 'punctual' : rng.chance(0.55) ? 'late' : 'instalments'));
    return payer;
  };
  for (const sale of sales) {
    const created = Math.min(sale.invoicedAt, world.now - 10 * MINUTE_MS);
    if (drafts.has(sale)) {
      saleInvoice(ctx, sale, 'draft', created, undefined);
      continue;
    }
    let posted = Math.min(created + rng.int(1, 240) * MINUTE_MS, world.now - 5 * MINUTE_MS);
    if (cancelled.has(sale) || reversed.has(sale)) {
      const first = saleInvoice(ctx, sale, cancelled.has(sale) ? 'cancel' : 'posted', created, posted);
      const later = Math.min(posted + rng.float(1, 6) * DAY_MS, world.now - 2 * HOUR_MS);
      if (reversed.has(sale)) {
        const refund = reverse(ctx, first, later, "Erreur d'adresse de facturation");
        ctx.ledger.reconcile(termLine(refund), termLine(first), later);
      }
      posted = later + rng.int(5, 60) * MINUTE_MS;
    }
    const invoice = saleInvoice(ctx, sale, 'posted', posted, posted);
    let notBefore = posted;
    if (gestures.has(sale)) {
      const at = Math.min(posted + rng.float(2, 10) * DAY_MS, world.now - HOUR_MS);
      const refund = gesture(ctx, rng, invoice, at);
      ctx.ledger.reconcile(termLine(refund), termLine(invoice), at);
      notBefore = at;
    }
    settle(ctx, rng, {
      invoice, due: dueOf(invoice), payer: payerOf(sale.partnerId, sale.business), notBefore,
      journal: !sale.business && rng.chance(0.3) ? ctx.acc.journals.cash : undefined,
    });
  }
  seedDirectInvoices(ctx, rng, Math.round(DIRECT_INVOICES_PER_SCALE * scale), payerOf);
}

function dueOf(move: MoveDraft): number {
  return Date.parse(`${String(move.values.invoice_date_due)}T00:00:00Z`);
}

function saleInvoice(
  ctx: AccountingContext, sale: InvoicedSale, state: DocumentSpec['state'], created: number, posted: number | undefined,
): MoveDraft {
  const { world, acc } = ctx;
  const day = dayOf(posted ?? created);
  const lines: DocumentLine[] = sale.lines.map((l) => ({
    name: l.name, section: l.section, productId: l.productId, uomId: l.uomId, quantity: l.quantity, priceUnit: l.priceUnit,
    discount: l.discount, taxId: l.taxId, accountId: acc.accounts.sales, sequence: l.sequence, saleLineId: l.lineId,
  }));
  const move: MoveDraft = buildDocument(ctx.ledger, acc, world, {
    moveType: 'out_invoice', journal: acc.journals.sale, state, createdAt: created, postedAt: posted, uid: sale.userId,
    partnerId: sale.partnerId, shippingId: sale.shippingId, currencyId: world.currencyId, rate: 1,
    invoiceDate: posted === undefined ? false : day, date: day, due: day + (sale.business ? PAYMENT_TERM_DAYS : 0) * DAY_MS,
    ref: sale.clientRef || '', origin: sale.name, narration: sale.note, userId: sale.userId, teamId: sale.teamId,
    // set when posted: `_get_invoice_computed_reference`, the invoice's number
    paymentReference: posted === undefined ? false : () => move.name, sent: posted !== undefined && (sale.orderId % 7 !== 0),
    lines,
  });
  return move;
}

/** A full credit note of `invoice` (the reversal wizard), dated `at`. */
export function reverse(ctx: AccountingContext, invoice: MoveDraft, at: number, reason: string): MoveDraft {
  const refundType = invoice.moveType === 'out_invoice' ? 'out_refund' : 'in_refund';
  const lines = invoice.lines.filter((l) => l.displayType === 'product' || l.displayType === 'line_section').map((l): DocumentLine => ({
    name: String(l.values.name), section: l.displayType === 'line_section', productId: l.values.product_id as number | false,
    uomId: l.values.product_uom_id as number | false, quantity: l.values.quantity as number, priceUnit: l.values.price_unit as number,
    discount: l.values.discount as number, taxId: (l.values.tax_ids as number[])[0] ?? false, accountId: l.accountId as number,
    sequence: l.values.sequence as number, saleLineId: (l.values.sale_line_ids as number[])[0],
    purchaseLineId: (l.values.purchase_line_id as number | false) || undefined,
  }));
  return creditNote(ctx, invoice, refundType, at, lines, reason);
}

/** A commercial gesture: a credit note of 5-15 % of the untaxed amount, on the sales rebates account. */
function gesture(ctx: AccountingContext, rng: Rng, invoice: MoveDraft, at: number): MoveDraft {
  const untaxed = invoice.lines.filter((l) => l.displayType === 'product').reduce((sum, l) => sum - l.amountCurrency, 0);
  const amount = Math.max(1, Math.round(untaxed * rng.float(0.05, 0.15) * 100) / 100);
  return creditNote(ctx, invoice, 'out_refund', at, [{
    name: 'Geste commercial', productId: false, uomId: false, quantity: 1, priceUnit: amount, discount: 0,
    taxId: ctx.world.taxes.saleStandard, accountId: ctx.acc.accounts.salesRebates, sequence: 10,
  }], 'Geste commercial');
}

/** A posted credit note of `invoice` ('Reversal of: INV/2026/00012, reason'), due at once. */
export function creditNote(
  ctx: AccountingContext, invoice: MoveDraft, moveType: 'out_refund' | 'in_refund', at: number, lines: DocumentLine[], reason: string,
): MoveDraft {
  const v = invoice.values;
  return buildDocument(ctx.ledger, ctx.acc, ctx.world, {
    moveType, journal: invoice.journal, state: 'posted', createdAt: at, postedAt: at, uid: ctx.world.users.admin,
    partnerId: v.commercial_partner_id as number, shippingId: (v.partner_shipping_id as number | false) || undefined,
    currencyId: v.currency_id as number, rate: invoice.rate, invoiceDate: dayOf(at), date: dayOf(at), due: dayOf(at),
    ref: () => `Reversal of: ${String(invoice.name)}, ${reason}`, origin: v.invoice_origin as string | false, narration: false,
    userId: v.invoice_user_id as number | false, teamId: v.team_id as number | false, paymentReference: false,
    sent: moveType === 'out_refund', lines, reversedEntry: invoice,
  });
}

/** Invoices typed in Invoicing (no order): over the last eight months, the first few left open at chosen ages. */
function seedDirectInvoices(ctx: AccountingContext, rng: Rng, count: number, payerOf: (partner: number, business: boolean) => Payer): void {
  const { world, acc } = ctx;
  const companies = world.customers.filter((c) => c.isCompany && c.active);
  const products = world.products.filter((p) => p.active && p.listPrice > 0);
  if (!companies.length) return;
  const reversals = new Set(rng.sample([...Array(Math.max(0, count - AGING_TARGETS.length)).keys()], Math.round(count / 20))
    .map((i) => i + AGING_TARGETS.length));
  for (let i = 0; i < count; i++) {
    const customer = companies[rng.int(0, companies.length - 1)]!;
    const target = AGING_TARGETS[i];
    const ageDays = target === undefined ? rng.int(95, 240) : target + PAYMENT_TERM_DAYS;
    const day = dayOf(world.now - ageDays * DAY_MS);
    const created = day + rng.int(8 * 60, 17 * 60) * MINUTE_MS;
    const usd = i % 4 === 3;
    const rate = usd ? acc.rate(acc.usd, day) : 1;
    const lines = randomLines(rng, products, rng.int(1, 4), [6, 12, 24, 48], (p) => p.listPrice, (p) => p.saleTax, acc.accounts.sales, rate);
    const posted = created + rng.int(2, 30) * MINUTE_MS;
    const invoice: MoveDraft = buildDocument(ctx.ledger, acc, world, {
      moveType: 'out_invoice', journal: acc.journals.sale, state: 'posted', createdAt: created, postedAt: posted, uid: world.users.admin,
      partnerId: customer.id, currencyId: usd ? acc.usd : world.currencyId, rate, invoiceDate: day, date: day,
      due: day + PAYMENT_TERM_DAYS * DAY_MS, ref: false, origin: false, narration: false, userId: world.users.admin,
      teamId: world.teams.b2b, paymentReference: () => invoice.name, sent: true, lines,
    });
    if (reversals.has(i)) {
      const at = posted + rng.float(3, 20) * DAY_MS;
      ctx.ledger.reconcile(termLine(reverse(ctx, invoice, at, 'Commande annulée')), termLine(invoice), at);
      continue;
    }
    const payer: Payer = target === undefined ? payerOf(customer.id, true) : i === AGING_TARGETS.length - 1 ? 'partial' : 'never';
    settle(ctx, rng, { invoice, due: dueOf(invoice), payer, notBefore: posted });
  }
}
