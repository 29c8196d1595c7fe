import type { Rng } from './random.ts';
import type { World } from './world.ts';
import { seedAccountingSetup } from './accounting-setup.ts';
import { Ledger } from './ledger.ts';
import { writeLedger } from './ledger-write.ts';
import { seedCustomerInvoices } from './customer-invoices.ts';
import { seedVendorBills } from './vendor-bills.ts';
import { seedMiscEntries } from './misc-entries.ts';
import type { AccountingContext } from './settlement.ts';

/**
 * Invoicing, last: the chart of accounts, journals and rates (from `setup`,
 * the same at every scale), then invoices for the invoiced sale orders,
 * bills for the billed purchase orders, direct invoices and bills, credit
 * notes, payments, monthly entries (from `rng`, proportional to `scale`).
 * Nothing else the generator writes depends on it.
 */
export function seedAccounting(world: World, setup: Rng, rng: Rng, scale: number): void {
  const acc = seedAccountingSetup(world, setup);
  const ctx: AccountingContext = { world, acc, ledger: new Ledger(acc.types) };
  seedCustomerInvoices(ctx, rng.fork('customers'), scale);
  seedVendorBills(ctx, rng.fork('vendors'), scale);
  seedMiscEntries(ctx, rng.fork('entries'), scale);
  writeLedger(ctx.ledger, { seeder: world.seeder, version: world.version, companyId: world.companyId, companyCurrencyId: world.currencyId });
}
