import type { Rng } from './random.ts';
import type { World } from './world.ts';
import { masterStamp } from './world.ts';
import { DAY_MS, TINY_PNG, asciiSlug, round3 } from './format.ts';
import { emailFor, partnerValues, stateId } from './base-data.ts';
import { CITIES, COMPANY_SUFFIXES, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, STREETS, VENDOR_NAMES, type CityInfo } from './names.ts';

/** Vendors and customers (companies, their contacts and addresses, private persons). */

export function seedVendors(world: World, rng: Rng): void {
  VENDOR_NAMES.forEach((name, i) => {
    const city = i === 5 ? CITIES[17]! : i === 12 ? CITIES[18]! : pickCity(rng);
    const id = world.seeder.peek('res.partner');
    world.seeder.insert('res.partner', partnerValues(world.version, {
      name, complete_name: name, is_company: true, ref: `F${String(i + 1).padStart(4, '0')}`, ...address(world, rng, city),
      email: `commandes@${asciiSlug(name).split('.')[0]}.example`, phone: phone(rng, city), vat: vat(rng, city),
      website: rng.chance(0.5) ? `https://${asciiSlug(name).split('.')[0]}.example` : false, commercial_partner_id: id,
      supplier_rank: rng.int(1, 40), active: i !== 13, lang: city.country === 'DE' ? 'de_DE' : city.country === 'CN' ? 'zh_CN' : 'fr_FR',
    }), masterStamp(world, rng));
    world.vendors.push(id);
    world.partnerNames.set(id, name);
    if (rng.chance(0.35)) {
      const contact = person(rng);
      world.seeder.insert('res.partner', partnerValues(world.version, {
        name: contact, complete_name: `${name}, ${contact}`, parent_id: id, function: 'Commercial·e', ...address(world, rng, city),
        email: `${asciiSlug(contact)}@${asciiSlug(name).split('.')[0]}.example`, commercial_partner_id: id,
        commercial_company_name: name, supplier_rank: 0,
      }), masterStamp(world, rng));
    }
  });
}

/**
 * About 40 companies (with contacts and some nameless delivery addresses) and 200 private customers.
 * Mobiles are drawn on every version; partnerValues drops them on Odoo 19, which has none.
 */
export function seedCustomers(world: World, rng: Rng): void {
  const { seeder } = world;
  for (let c = 0; c < 40; c++) {
    const name = `${rng.pick(COMPANY_WORDS)} ${rng.pick(LAST_NAMES)} ${rng.pick(COMPANY_SUFFIXES)}`;
    const city = pickCity(rng);
    const created = createdAt(world, rng);
    const id = seeder.peek('res.partner');
    const active = !rng.chance(0.04);
    seeder.insert('res.partner', partnerValues(world.version, {
      name, complete_name: name, is_company: true, ...address(world, rng, city), email: emailFor(name, rng),
      phone: rng.chance(0.8) ? phone(rng, city) : false, vat: rng.chance(0.7) ? vat(rng, city) : false,
      user_id: rng.chance(0.6) ? world.users.salesRep : false, commercial_partner_id: id, customer_rank: rng.int(1, 30),
      ref: rng.chance(0.5) ? `C${String(10000 + id)}` : false, active, lang: langFor(city),
      comment: rng.chance(0.15) ? '<p>Livraison le matin uniquement ☀️</p>' : false, image_1920: rng.chance(0.1) ? TINY_PNG : false,
      x_loyalty_tier: rng.chance(0.3) ? rng.pick(['Gold', 'Silver', 'Bronze']) : false,
    }), stampAt(world, rng, created));
    world.customers.push({ id, isCompany: true, active, commercialId: id, createdAt: created });
    world.partnerNames.set(id, name);
    const contacts = rng.int(0, 3);
    for (let k = 0; k < contacts; k++) {
      const contact = person(rng);
      const contactId = seeder.insert('res.partner', partnerValues(world.version, {
        name: contact, complete_name: `${name}, ${contact}`, parent_id: id, function: rng.pick(['Gérant·e', 'Acheteur', 'Comptable', false]),
        ...address(world, rng, city), email: rng.chance(0.85) ? emailFor(contact, rng) : false,
        mobile: rng.chance(0.5) ? phone(rng, city) : false, commercial_partner_id: id, commercial_company_name: name, active,
        lang: langFor(city), user_id: false,
      }), stampAt(world, rng, created));
      world.customers.push({ id: contactId, isCompany: false, active, commercialId: id, createdAt: created });
    }
    if (rng.chance(0.2)) {
      // A nameless delivery address: Odoo shows 'Company, Delivery Address'.
      seeder.insert('res.partner', partnerValues(world.version, {
        name: false, complete_name: `${name}, Delivery Address`, parent_id: id, type: 'delivery', ...address(world, rng, pickCity(rng)),
        commercial_partner_id: id, commercial_company_name: name, active,
      }), stampAt(world, rng, created));
    }
  }
  while (world.customers.length < 300) {
    const name = person(rng);
    const city = pickCity(rng);
    const created = createdAt(world, rng);
    const id = seeder.peek('res.partner');
    const active = !rng.chance(0.04);
    const hasEmail = rng.chance(0.8);
    seeder.insert('res.partner', partnerValues(world.version, {
      name, complete_name: name, ...address(world, rng, city), email: hasEmail ? emailFor(name, rng) : false,
      phone: rng.chance(0.3) ? phone(rng, city) : false, mobile: rng.chance(0.6) ? phone(rng, city, true) : false,
      commercial_partner_id: id, customer_rank: rng.int(1, 60), active, lang: langFor(city),
      ref: rng.chance(0.2) ? `C${String(10000 + id)}` : false, image_1920: rng.chance(0.04) ? TINY_PNG : false,
      x_loyalty_tier: rng.chance(0.45) ? rng.pick(['Gold', 'Silver', 'Silver', 'Bronze', 'Bronze', 'Bronze']) : false,
      x_marketing_optin: hasEmail && rng.chance(0.55),
    }), stampAt(world, rng, created));
    world.customers.push({ id, isCompany: false, active, commercialId: id, createdAt: created });
    world.partnerNames.set(id, name);
  }
}

/** Most customers predate the window; a third were created during it (at a till, or online). */
function createdAt(world: World, rng: Rng): number {
  if (rng.chance(0.3)) return world.windowStart + rng.float(0, 0.97) * (world.now - world.windowStart);
  return masterStamp(world, rng).create;
}

function stampAt(world: World, rng: Rng, created: number): { create: number; write: number; uid: number } {
  const edited = rng.chance(0.2);
  const write = edited ? created + rng.next() * (world.now - created) : created + rng.float(0, 0.2) * DAY_MS;
  return { create: created, write, uid: rng.chance(0.5) ? world.users.admin : rng.pick(world.users.cashiers) };
}

function pickCity(rng: Rng): CityInfo {
  // France first: the shops are there.
  return rng.chance(0.6) ? CITIES[rng.int(0, 6)]! : rng.pick(CITIES);
}

function address(world: World, rng: Rng, city: CityInfo): Record<string, unknown> {
  return {
    street: `${rng.int(1, 180)} ${rng.pick(STREETS)}`, street2: rng.chance(0.1) ? `Bâtiment ${rng.pick(['A', 'B', 'C'])}` : false,
    zip: city.zip, city: city.city, state_id: stateId(world, city.country, city.state), country_id: world.countries.get(city.country)!,
    partner_latitude: round3(city.lat + rng.float(-0.05, 0.05)), partner_longitude: round3(city.lon + rng.float(-0.05, 0.05)),
  };
}

function person(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

function phone(rng: Rng, city: CityInfo, mobile = false): string {
  const codes: Record<string, string> = { FR: '+33', BE: '+32', DE: '+49', CH: '+41', ES: '+34', IT: '+39', GB: '+44', US: '+1', CN: '+86', JP: '+81', MA: '+212' };
  return `${codes[city.country] ?? '+33'} ${mobile ? rng.pick(['6', '7']) : rng.int(1, 5)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
}

function vat(rng: Rng, city: CityInfo): string | false {
  if (city.country === 'US' || city.country === 'CN' || city.country === 'JP') return false;
  return `${city.country}${rng.int(10, 99)}${rng.int(100000000, 999999999)}`;
}

function langFor(city: CityInfo): string {
  return city.country === 'DE' ? 'de_DE' : city.country === 'CN' ? 'zh_CN' : city.country === 'US' || city.country === 'GB' ? 'en_US' : 'fr_FR';
}
