import type { Rng } from './random.ts';
import type { World } from './world.ts';
import { installStamp, masterStamp } from './world.ts';

/** Units of measure (17: categories; 19: reference-unit tree), taxes and pricelists. */

export function seedUnits(world: World): void {
  if (world.version >= 19) seedUnits19(world);
  else seedUnits17(world);
}

function seedUnits17(world: World): void {
  const { seeder } = world;
  const stamp = installStamp(world, 3);
  const category = (name: string): number => seeder.insert('uom.category', { name }, stamp);
  const unitCat = category('Unit');
  const weightCat = category('Weight');
  const timeCat = category('Working Time');
  const volumeCat = category('Volume');
  const uom = (name: string, categoryId: number, factor: number, type: string, rounding: number, active = true): number =>
    seeder.insert('uom.uom', { name, category_id: categoryId, factor, rounding, active, uom_type: type }, stamp);
  const unit = uom('Units', unitCat, 1, 'reference', 0.01);
  const dozen = uom('Dozens', unitCat, 1 / 12, 'bigger', 0.01);
  const kg = uom('kg', weightCat, 1, 'reference', 0.001);
  const g = uom('g', weightCat, 1000, 'smaller', 0.01);
  uom('lb', weightCat, 2.20462, 'smaller', 0.01);
  uom('Hours', timeCat, 1, 'reference', 0.01);
  const litre = uom('L', volumeCat, 1, 'reference', 0.01);
  uom('mL', volumeCat, 1000, 'smaller', 0.01, false);
  world.uom = { unit, dozen, kg, g, litre };
}

function seedUnits19(world: World): void {
  const { seeder } = world;
  const stamp = installStamp(world, 3);
  const uom = (name: string, factor: number, parent: number | false, seq: number, active = true): number => {
    const id = seeder.peek('uom.uom');
    const parentPath = parent === false ? `${id}/` : `${parent}/${id}/`;
    return seeder.insert('uom.uom', {
      name, sequence: seq, relative_factor: factor, active, relative_uom_id: parent, factor, parent_path: parentPath,
    }, stamp);
  };
  const unit = uom('Units', 1, false, 1);
  const dozen = uom('Dozens', 12, unit, 12);
  const kg = uom('kg', 1, false, 1);
  const g = uom('g', 0.001, kg, 0);
  uom('lb', 0.45359, kg, 45);
  uom('Hours', 1, false, 1);
  const litre = uom('L', 1, false, 1);
  uom('mL', 0.001, litre, 0, false);
  world.uom = { unit, dozen, kg, g, litre };
}

export function seedTaxes(world: World): void {
  const { seeder } = world;
  const fr = world.countries.get('FR')!;
  const stamp = installStamp(world, 4);
  const rates = new Map<number, number>();
  const names = new Map<number, string>();
  const tax = (name: string, use: string, amount: number, seq: number, active = true): number => {
    const id = seeder.insert('account.tax', {
      name, type_tax_use: use, amount_type: 'percent', active, company_id: world.companyId, sequence: seq, amount,
      description: `${amount}%`, price_include: false, include_base_amount: false, country_id: fr,
    }, stamp);
    rates.set(id, amount / 100);
    names.set(id, name);
    return id;
  };
  const saleStandard = tax('20%', 'sale', 20, 1);
  const saleReduced = tax('5,5%', 'sale', 5.5, 2);
  tax('10%', 'sale', 10, 3);
  const purchaseStandard = tax('20% G', 'purchase', 20, 1);
  const purchaseReduced = tax('5,5% G', 'purchase', 5.5, 2);
  // An old rate, archived: still referenced nowhere, but present as in migrated databases.
  tax('19,6% (ancien taux)', 'sale', 19.6, 9, false);
  world.taxes = { saleStandard, saleReduced, purchaseStandard, purchaseReduced, rates, names };
}

export function seedPricelists(world: World, rng: Rng): void {
  const { seeder } = world;
  const pricelist = (name: string, seq: number, currency: number, active: boolean, policy: string): number =>
    seeder.insert('product.pricelist', {
      name, active, sequence: seq, currency_id: currency, company_id: false, discount_policy: policy,
    }, masterStamp(world, rng));
  world.pricelistId = pricelist('Liste de prix publique', 1, world.currencyId, true, 'with_discount');
  pricelist('Clients fidèles ⭐', 5, world.currencyId, true, 'without_discount');
  pricelist('Export CHF', 10, world.currencies.get('CHF')!, false, 'with_discount');
}
