import type { Rng } from './random.ts';
import { STAFF } from './base-data.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, fmtDate, round2 } from './format.ts';
import { dayOf, emptyAmounts } from './invoice-build.ts';
import type { LineSpec } from './ledger.ts';
import { buildPayment, type AccountingContext } from './settlement.ts';

/**
 * Entries typed in the Miscellaneous journal each month: rent paid from the
 * bank, the payroll (salaries and social charges), depreciation, bank fees;
 * the latest depreciation is still a draft. And a few customer down
 * payments received without an invoice (left open on the receivable).
 */

export const ADVANCE_PAYMENTS_PER_SCALE = 3;

type Kind = 'rent' | 'payroll' | 'depreciation' | 'fees';

export function seedMiscEntries(ctx: AccountingContext, rng: Rng, scale: number): void {
  const { world } = ctx;
  const plan: Array<readonly [Kind, number]> = [];
  const now = new Date(world.now);
  for (let back = 3; back >= 0; back--) {
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1);
    const monthEnd = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 0);
    plan.push(['rent', monthStart + 4 * DAY_MS], ['payroll', monthEnd - 2 * DAY_MS], ['depreciation', monthEnd], ['fees', monthEnd]);
  }
  const due = plan.filter(([, day]) => day >= world.windowStart && day + 10 * HOUR_MS < world.now);
  // fewer at a smaller scale: the latest ones
  const kept = due.slice(Math.max(0, due.length - Math.max(1, Math.round(due.length * Math.min(1, scale)))));
  const lastDepreciation = [...kept].reverse().find(([kind]) => kind === 'depreciation');
  for (const entry of kept) {
    const [kind, day] = entry;
    const created = day + rng.int(9 * 60, 17 * 60) * MINUTE_MS;
    const draft = entry === lastDepreciation && kept.length >= 3;
    const lines = entryLines(ctx, rng, kind);
    ctx.ledger.move({
      moveType: 'entry', journal: ctx.acc.journals.misc, state: draft ? 'draft' : 'posted', date: dayOf(day), createdAt: created,
      postedAt: draft ? undefined : created + rng.int(1, 20) * MINUTE_MS, uid: world.users.admin, rate: 1,
      values: {
        ref: REFS[kind], partner_id: false, commercial_partner_id: false, partner_shipping_id: false, invoice_date: false,
        invoice_date_due: fmtDate(dayOf(created)), invoice_origin: false, narration: false, invoice_user_id: false, team_id: world.teams.b2b,
        currency_id: world.currencyId, payment_reference: false, is_move_sent: false,
        // `_compute_invoice_partner_display_info` without a partner: the creator (the administrator)
        invoice_partner_display_name: `#Created by: ${STAFF[0]![0]}`,
      },
    }, lines);
  }
  seedAdvancePayments(ctx, rng, Math.round(ADVANCE_PAYMENTS_PER_SCALE * scale));
}

const REFS: Readonly<Record<Kind, string>> = {
  rent: 'Loyer boutique Bastille',
  payroll: 'Paie du mois',
  depreciation: 'Dotation aux amortissements',
  fees: 'Frais bancaires',
};

function entryLines(ctx: AccountingContext, rng: Rng, kind: Kind): LineSpec[] {
  const a = ctx.acc.accounts;
  const line = (accountId: number, balance: number, name: string): LineSpec => ({
    accountId, displayType: 'product', balance, amountCurrency: balance, currencyId: ctx.world.currencyId,
    values: { ...emptyAmounts(), name, quantity: 1, sequence: 100 },
  });
  switch (kind) {
    case 'rent': {
      const rent = 4800;
      return [line(a.rent, rent, 'Loyer'), line(a.bank, -rent, 'Loyer')];
    }
    case 'payroll': {
      const gross = round2(rng.float(38000, 44000));
      const employee = round2(gross * 0.22);
      const employer = round2(gross * 0.42);
      return [
        line(a.salaries, gross, 'Salaires bruts'), line(a.salariesPayable, -round2(gross - employee), 'Salaires nets à payer'),
        line(a.social, -employee, 'Cotisations salariales'), line(a.socialCharges, employer, 'Cotisations patronales'),
        line(a.social, -employer, 'Cotisations patronales'),
      ];
    }
    case 'depreciation': {
      const amount = 612.5;
      return [line(a.depreciationExpense, amount, 'Dotation mensuelle'), line(a.depreciation, -amount, 'Dotation mensuelle')];
    }
    case 'fees': {
      const fees = round2(rng.float(18, 65));
      return [line(a.bankFees, fees, 'Commissions bancaires'), line(a.bank, -fees, 'Commissions bancaires')];
    }
  }
}

/** Down payments a business customer sent before any invoice: open on the receivable (a credit for the customer). */
function seedAdvancePayments(ctx: AccountingContext, rng: Rng, count: number): void {
  const { world, acc } = ctx;
  const companies = world.customers.filter((c) => c.isCompany && c.active);
  for (let i = 0; i < count && companies.length; i++) {
    const customer = companies[rng.int(0, companies.length - 1)]!;
    const at = dayOf(world.now - rng.int(3, 60) * DAY_MS) + rng.int(9 * 60, 17 * 60) * MINUTE_MS;
    buildPayment(ctx, {
      paymentType: 'inbound', partnerType: 'customer', partnerId: customer.id, amount: rng.int(5, 30) * 100, currencyId: world.currencyId,
      journal: acc.journals.bank, at, memo: 'Acompte sur commande', invoices: [],
    });
  }
}
