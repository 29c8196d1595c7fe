import type { RecordValues } from '../model-def.ts';
import type { Rng } from './random.ts';
import type { Seeder, Stamp } from './seeder.ts';
import { DAY_MS, HOUR_MS } from './format.ts';

/** What the generator steps share: the seeder, the clock, and the ids earlier steps created. */
export interface World {
  readonly seeder: Seeder;
  readonly now: number;
  readonly version: number;
  readonly brand: boolean;
  readonly posPromotion: boolean;
  /** Start of the transactional window (~90 days before now). */
  readonly windowStart: number;
  /** When the database was created: master data is older than the window. */
  readonly installedAt: number;
  readonly companyId: number;
  readonly companyPartnerId: number;
  currencyId: number;
  currencies: Map<string, number>;
  countries: Map<string, number>;
  /** res.country.state ids by 'US/NY' (country code / state code). */
  states: Map<string, number>;
  users: Users;
  teams: { store: number; b2b: number; web: number };
  uom: { unit: number; dozen: number; kg: number; g: number; litre: number };
  taxes: Taxes;
  pricelistId: number;
  products: ProductInfo[];
  warehouses: WarehouseInfo[];
  employees: EmployeeInfo[];
  customers: PartnerInfo[];
  vendors: number[];
  configs: ConfigInfo[];
  promotions: PromotionInfo[];
  /** Display names of the customers' and vendors' partners (invoices and payment labels carry them). */
  partnerNames: Map<number, string>;
  /** Sale orders whose lines are all invoiced, for the accounting step. */
  invoicedSales: InvoicedSale[];
  /** Purchase orders with billed quantities, for the accounting step. */
  billedPurchases: BilledPurchase[];
}

/** An order line as its invoice line copies it (quantity: what was invoiced). */
export interface InvoiceableLine {
  readonly lineId: number;
  readonly sequence: number;
  readonly section: boolean;
  readonly name: string;
  readonly productId: number | false;
  readonly uomId: number | false;
  readonly quantity: number;
  readonly priceUnit: number;
  readonly discount: number;
  readonly taxId: number | false;
}

export interface InvoicedSale {
  readonly orderId: number;
  readonly name: string;
  /** partner_invoice_id (the commercial partner) and partner_shipping_id. */
  readonly partnerId: number;
  readonly shippingId: number;
  readonly business: boolean;
  readonly userId: number;
  readonly teamId: number;
  readonly clientRef: string | false;
  readonly note: string | false;
  /** When the order was last touched (delivered, invoiced): epoch ms. */
  readonly invoicedAt: number;
  readonly lines: readonly InvoiceableLine[];
}

export interface BilledPurchase {
  readonly orderId: number;
  readonly name: string;
  readonly vendorId: number;
  readonly partnerRef: string | false;
  readonly approvedAt: number;
  readonly billedAt: number;
  readonly lines: readonly InvoiceableLine[];
}

export interface Users {
  readonly bot: number;
  readonly admin: number;
  /** Per branch (index = branch). */
  readonly managers: number[];
  readonly cashiers: number[];
  readonly salesRep: number;
  readonly buyer: number;
  readonly all: number[];
}

export interface Taxes {
  readonly saleStandard: number;
  readonly saleReduced: number;
  readonly purchaseStandard: number;
  readonly purchaseReduced: number;
  /** Tax id -> rate (0.2 for 20 %). */
  readonly rates: Map<number, number>;
  /** Tax id -> name ('20%'): what a tax line of an invoice is labelled. */
  readonly names: Map<number, string>;
}

export interface ProductInfo {
  readonly id: number;
  readonly tmplId: number;
  readonly name: string;
  readonly code: string;
  readonly displayName: string;
  /** The name a till prints: 'T-shirt coton bio (M)'. */
  readonly label: string;
  readonly listPrice: number;
  readonly cost: number;
  readonly saleTax: number;
  readonly purchaseTax: number;
  readonly uomId: number;
  readonly weighed: boolean;
  readonly storable: boolean;
  readonly active: boolean;
  readonly inPos: boolean;
  readonly categId: number;
  /** Relative sales popularity. */
  readonly popularity: number;
}

export interface WarehouseInfo {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly partnerId: number;
  readonly viewLocationId: number;
  readonly stockLocationId: number;
  /** Internal locations under Stock that can hold quants. */
  readonly internalLocationIds: number[];
  readonly types: { in: number; out: number; int: number; pos: number };
}

export interface EmployeeInfo {
  readonly id: number;
  readonly name: string;
  readonly branch: number | undefined;
  readonly cashier: boolean;
  readonly userId: number | false;
  readonly active: boolean;
}

export interface PartnerInfo {
  readonly id: number;
  readonly isCompany: boolean;
  readonly active: boolean;
  /** Where invoices go: the company for a contact of a company. */
  readonly commercialId: number;
  /** Epoch ms of its create_date: no order may name it earlier. */
  readonly createdAt: number;
}

export interface ConfigInfo {
  readonly id: number;
  readonly name: string;
  readonly branch: number;
  readonly cash: number;
  readonly card: number;
  readonly account: number;
  /** Relative size of the shop. */
  readonly weight: number;
}

export interface PromotionInfo {
  readonly programId: number;
  readonly rewardId: number;
  readonly rewardProductId: number;
  readonly description: string;
  /** promotion: % off orders above a threshold; loyalty: % off for card holders; free_product: buy 2 get 1. */
  readonly kind: 'promotion' | 'loyalty' | 'free_product';
  /** For free_product: the product bought and given. */
  readonly productId: number;
  readonly percent: number;
  readonly minAmount: number;
  readonly from: number;
  readonly to: number;
  readonly configIds: number[];
}

/** Master data: created between install and the window, sometimes edited since. */
export function masterStamp(world: World, rng: Rng, uid = 2, editedChance = 0.25): Stamp {
  const create = world.installedAt + rng.float(0.02, 0.7) * (world.windowStart - world.installedAt);
  const write = rng.chance(editedChance)
    ? world.windowStart + rng.next() * (world.now - world.windowStart)
    : create + rng.float(0, 5) * DAY_MS;
  return { create, write, uid };
}

/** Data loaded at install time (currencies, countries, units): never touched since. */
export function installStamp(world: World, offsetMinutes = 0): Stamp {
  const at = world.installedAt + offsetMinutes * 60_000;
  return { create: at, write: at + HOUR_MS / 60, uid: 1 };
}

/** A sale or purchase order line as its invoice line copies it: the invoiced quantity, the first tax of `taxField`. */
export function invoiceableLine(line: RecordValues, lineId: number, taxField: string): InvoiceableLine {
  const taxes = line[taxField] as number[];
  return {
    lineId, sequence: line.sequence as number, section: line.display_type !== false, name: line.name as string,
    productId: line.product_id as number | false, uomId: line.product_uom as number | false,
    quantity: line.qty_invoiced as number, priceUnit: line.price_unit as number, discount: line.discount as number,
    taxId: taxes.length ? taxes[0]! : false,
  };
}
