import type { Rng } from './random.ts';
import type { BilledPurchase } from './world.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './format.ts';
import { buildDocument, dayOf, randomLines, type DocumentLine } from './invoice-build.ts';
import { termLine, type MoveDraft } from './ledger.ts';
import { settle, type AccountingContext } from './settlement.ts';
import { creditNote, roleCount } from './customer-invoices.ts';

/**
 * Vendor bills: one per purchase order with billed quantities (the latest
 * few still drafts), a few year-end rebates as vendor credit notes, and bills
 * typed in directly over the last months, the first few left open at chosen
 * ages. The company pays its bills around their due date.
 */

export const DIRECT_BILLS_PER_SCALE = 20;
/** Days past due of the bills left open on purpose: not due yet, 1-30, over 90. */
const AGING_TARGETS = [-10, 20, 100];

/** Each vendor's payment terms: 30, 45 or 60 days. */
function termDays(vendor: number): number {
  return [30, 45, 60][vendor % 3]!;
}

export function seedVendorBills(ctx: AccountingContext, rng: Rng, scale: number): void {
  const { world } = ctx;
  const purchases = [...world.billedPurchases].sort((a, b) => a.billedAt - b.billedAt);
  const drafts = new Set(purchases.slice(purchases.length - roleCount(purchases.length, 0.06)));
  const older = purchases.filter((p) => !drafts.has(p) && p.billedAt < world.now - 15 * DAY_MS);
  const rebates = new Set(rng.sample(older, roleCount(purchases.length, 0.06)));
  for (const purchase of purchases) {
    const created = Math.min(purchase.billedAt, world.now - 10 * MINUTE_MS);
    // the vendor's bill date: a few days before it is keyed in, not before the order
    const invoiceDay = Math.max(dayOf(created) - rng.int(0, 4) * DAY_MS, dayOf(purchase.approvedAt));
    if (drafts.has(purchase)) {
      purchaseBill(ctx, purchase, created, undefined, invoiceDay);
      continue;
    }
    const posted = Math.min(created + rng.int(5, 180) * MINUTE_MS, world.now - 5 * MINUTE_MS);
    const bill = purchaseBill(ctx, purchase, created, posted, invoiceDay);
    let notBefore = posted;
    if (rebates.has(purchase)) {
      const at = Math.min(posted + rng.float(3, 12) * DAY_MS, world.now - HOUR_MS);
      const untaxed = bill.lines.filter((l) => l.displayType === 'product').reduce((sum, l) => sum + l.amountCurrency, 0);
      const refund = creditNote(ctx, bill, 'in_refund', at, [{
        name: 'Remise qualité', productId: false, uomId: false, quantity: 1, priceUnit: Math.max(1, Math.round(untaxed * rng.float(4, 10)) / 100),
        discount: 0, taxId: world.taxes.purchaseStandard, accountId: ctx.acc.accounts.purchaseRebates, sequence: 10,
      }], 'Remise qualité');
      ctx.ledger.reconcile(termLine(refund), termLine(bill), at);
      notBefore = at;
    }
    settle(ctx, rng, { invoice: bill, due: invoiceDay + termDays(purchase.vendorId) * DAY_MS, payer: 'punctual', notBefore });
  }
  seedDirectBills(ctx, rng, Math.round(DIRECT_BILLS_PER_SCALE * scale));
}

/**
 * `_get_accounting_date` for a bill: dated the day it is keyed in, or the
 * last day of its month when that month is over.
 */
function accountingDate(invoiceDay: number, keyedIn: number): number {
  const a = new Date(invoiceDay);
  const b = new Date(keyedIn);
  if (a.getUTCFullYear() * 12 + a.getUTCMonth() < b.getUTCFullYear() * 12 + b.getUTCMonth()) {
    return Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 1, 0);
  }
  return Math.max(invoiceDay, dayOf(keyedIn));
}

function purchaseBill(ctx: AccountingContext, purchase: BilledPurchase, created: number, posted: number | undefined, invoiceDay: number): MoveDraft {
  const { world, acc } = ctx;
  const lines: DocumentLine[] = purchase.lines.filter((l) => l.quantity > 0).map((l) => ({
    name: `${purchase.name}: ${l.name}`, productId: l.productId, uomId: l.uomId, quantity: l.quantity, priceUnit: l.priceUnit,
    discount: l.discount, taxId: l.taxId, accountId: acc.accounts.purchases, sequence: l.sequence, purchaseLineId: l.lineId,
  }));
  // a draft has no bill date yet; its due date runs from today
  const date = posted === undefined ? dayOf(created) : accountingDate(invoiceDay, posted);
  return buildDocument(ctx.ledger, acc, world, {
    moveType: 'in_invoice', journal: acc.journals.purchase, state: posted === undefined ? 'draft' : 'posted', createdAt: created,
    postedAt: posted, uid: world.users.buyer, partnerId: purchase.vendorId, currencyId: world.currencyId, rate: 1,
    invoiceDate: posted === undefined ? false : invoiceDay, date,
    due: (posted === undefined ? dayOf(created) : invoiceDay) + termDays(purchase.vendorId) * DAY_MS,
    // purchase's `_prepare_invoice`: the vendor reference, '' without one
    ref: purchase.partnerRef || '', origin: purchase.name, narration: false, userId: false, teamId: world.teams.b2b,
    paymentReference: purchase.partnerRef || '', sent: false, lines,
  });
}

/** Bills keyed in without an order (the vendor's invoice number as reference); the first few left open. */
function seedDirectBills(ctx: AccountingContext, rng: Rng, count: number): void {
  const { world, acc } = ctx;
  const vendors = world.vendors.slice(0, 13);
  const products = world.products.filter((p) => p.active && p.cost > 0);
  for (let i = 0; i < count; i++) {
    const vendor = vendors[rng.int(0, vendors.length - 1)]!;
    const target = AGING_TARGETS[i];
    const ageDays = target === undefined ? rng.int(60, 240) : target + termDays(vendor);
    const invoiceDay = dayOf(world.now - ageDays * DAY_MS);
    const created = Math.min(invoiceDay + rng.int(0, 3) * DAY_MS + rng.int(8 * 60, 17 * 60) * MINUTE_MS, world.now - HOUR_MS);
    const usd = i % 4 === 3;
    const rate = usd ? acc.rate(acc.usd, invoiceDay) : 1;
    const lines = randomLines(rng, products, rng.int(1, 5), [12, 24, 48, 120], (p) => p.cost, (p) => p.purchaseTax, acc.accounts.purchases, rate);
    const posted = created + rng.int(2, 30) * MINUTE_MS;
    const year = new Date(invoiceDay).getUTCFullYear();
    const bill = buildDocument(ctx.ledger, acc, world, {
      moveType: 'in_invoice', journal: acc.journals.purchase, state: 'posted', createdAt: created, postedAt: posted, uid: world.users.buyer,
      partnerId: vendor, currencyId: usd ? acc.usd : world.currencyId, rate, invoiceDate: invoiceDay, date: accountingDate(invoiceDay, posted),
      due: invoiceDay + termDays(vendor) * DAY_MS, ref: `FAC-${year}-${String(rng.int(1, 9999)).padStart(4, '0')}`, origin: false,
      narration: false, userId: false, teamId: world.teams.b2b, paymentReference: false, sent: false, lines,
    });
    settle(ctx, rng, {
      invoice: bill, due: invoiceDay + termDays(vendor) * DAY_MS, payer: target === undefined ? (rng.chance(0.85) ? 'punctual' : 'late') : 'never',
      notBefore: posted,
    });
  }
}
