import type { SeedSink } from './seed-sink.ts';
import { Rng } from './generator/random.ts';
import { Seeder } from './generator/seeder.ts';
import type { World } from './generator/world.ts';
import { DAY_MS } from './generator/format.ts';
import { seedCompanyAndUsers, seedCurrenciesAndCountries } from './generator/base-data.ts';
import { seedPricelists, seedTaxes, seedUnits } from './generator/units-taxes.ts';
import { seedCatalog } from './generator/catalog-data.ts';
import { seedQuants, seedStock } from './generator/stock-data.ts';
import { seedHr } from './generator/hr-data.ts';
import { seedCustomers, seedVendors } from './generator/partner-data.ts';
import { seedPosSetup } from './generator/pos-setup.ts';
import { seedLoyalty } from './generator/loyalty-data.ts';
import { seedPosOrders } from './generator/pos-orders.ts';
import { seedSales } from './generator/sales-data.ts';
import { seedPurchases } from './generator/purchase-data.ts';
import { seedAccounting } from './generator/accounting-data.ts';

export interface RetailOptions {
  /** PRNG seed: same seed, same data. Default 42. */
  seed?: number;
  /** Multiplies the transactional volume (orders, lines, payments). 1 gives ~1,500 POS orders; 250 about 1,000,000 POS lines. */
  scale?: number;
  /** Every date lies in the ~90 days before this instant. */
  now: Date;
  /** Odoo major version (17, 18, 19): decides which models and fields exist. */
  version: number;
  /** Write product.brand records (the brand module is installed). */
  brand?: boolean;
  /** Write pos.promotion records (the third-party module is installed). */
  posPromotion?: boolean;
}

/** Days of transactions before `now`. */
export const WINDOW_DAYS = 90;

/**
 * Writes a deterministic retail company into `sink`: one company with three
 * shops, their stock, staff, customers and catalog (fixed size), and ~90 days
 * of POS, sales and purchase activity (proportional to `scale`), then its
 * accounting: a chart of accounts, journals and rates (fixed), and the
 * invoices, bills, credit notes, payments and entries of those months and
 * the ones before (proportional to `scale`). Records go in dependency order;
 * ids are predicted, so mutual references are exact.
 */
export function generateRetail(sink: SeedSink, options: RetailOptions): void {
  const seed = options.seed ?? 42;
  const scale = options.scale ?? 1;
  if (!(scale >= 0) || !Number.isFinite(scale)) throw new Error(`generateRetail: scale must be a finite number >= 0, got ${scale}`);
  const now = options.now.getTime();
  if (!Number.isFinite(now)) throw new Error('generateRetail: now is not a valid date');
  const root = new Rng(seed);
  const world: World = {
    seeder: new Seeder(sink, now), now, version: options.version, brand: options.brand === true,
    posPromotion: options.posPromotion === true, windowStart: now - WINDOW_DAYS * DAY_MS, installedAt: now - 420 * DAY_MS,
    companyId: 1, companyPartnerId: 1, currencyId: 0, currencies: new Map(), countries: new Map(), states: new Map(),
    users: { bot: 1, admin: 2, managers: [], cashiers: [], salesRep: 0, buyer: 0, all: [] },
    teams: { store: 0, b2b: 0, web: 0 }, uom: { unit: 0, dozen: 0, kg: 0, g: 0, litre: 0 },
    taxes: { saleStandard: 0, saleReduced: 0, purchaseStandard: 0, purchaseReduced: 0, rates: new Map(), names: new Map() },
    pricelistId: 0, products: [], warehouses: [], employees: [], customers: [], vendors: [], configs: [], promotions: [],
    partnerNames: new Map(), invoicedSales: [], billedPurchases: [],
  };
  // Master data draws from its own streams: the same seed gives the same catalog at every scale.
  seedCurrenciesAndCountries(world);
  seedCompanyAndUsers(world, root.fork('users'));
  seedUnits(world);
  seedTaxes(world);
  seedPricelists(world, root.fork('pricelists'));
  seedCatalog(world, root.fork('catalog'));
  seedStock(world, root.fork('stock'));
  seedHr(world, root.fork('hr'));
  seedVendors(world, root.fork('vendors'));
  seedCustomers(world, root.fork('customers'));
  seedQuants(world, root.fork('quants'));
  seedPosSetup(world, root.fork('pos-setup'));
  seedLoyalty(world, root.fork('loyalty'));
  seedPosOrders(world, root.fork('pos'), scale);
  seedSales(world, root.fork('sales'), scale);
  seedPurchases(world, root.fork('purchases'), scale);
  // last, from streams of its own: adding it changed no record written above
  seedAccounting(world, root.fork('accounting-setup'), root.fork('accounting'), scale);
}
