import type { Rng } from './random.ts';
import type { World } from './world.ts';
import { installStamp, masterStamp } from './world.ts';
import { TINY_PNG, asciiSlug } from './format.ts';

/** Currencies, countries, the company, users and their partners, sales teams, units, taxes, pricelists. */

const CURRENCIES = [
  // name, full name, symbol, position, active, unit, subunit
  ['EUR', 'Euro', '€', 'after', true, 'Euros', 'Cents'],
  ['USD', 'United States dollar', '$', 'before', true, 'Dollars', 'Cents'],
  ['GBP', 'Pound sterling', '£', 'before', false, 'Pounds', 'Pence'],
  ['CHF', 'Swiss franc', 'CHF', 'after', true, 'Francs', 'Rappen'],
  ['CNY', 'Renminbi', '¥', 'before', false, 'Yuan', 'Fen'],
  ['JPY', 'Japanese yen', '¥', 'before', false, 'Yen', 'Sen'],
  ['MAD', 'Moroccan dirham', 'DH', 'after', false, 'Dirhams', 'Centimes'],
] as const;

const COUNTRIES = [
  // code, name, phone, currency, vat label, zip required
  ['FR', 'France', 33, 'EUR', 'TVA', true],
  ['BE', 'Belgium', 32, 'EUR', 'VAT', true],
  ['DE', 'Germany', 49, 'EUR', 'USt', true],
  ['CH', 'Switzerland', 41, 'CHF', 'MWST', true],
  ['ES', 'Spain', 34, 'EUR', 'NIF', true],
  ['IT', 'Italy', 39, 'EUR', 'P.IVA', true],
  ['GB', 'United Kingdom', 44, 'GBP', 'VAT', true],
  ['US', 'United States', 1, 'USD', 'Tax ID', true],
  ['CN', 'China', 86, 'CNY', 'VAT', false],
  ['JP', 'Japan', 81, 'JPY', 'VAT', true],
  ['MA', 'Morocco', 212, 'MAD', 'ICE', false],
  ['RE', 'Réunion', 262, 'EUR', 'TVA', true],
] as const;

/**
 * A few of the states Odoo's base data loads (res.country.state.csv), with its codes: those of
 * the cities partners live in, and some more. Odoo loads none for France, Belgium, the UK or Morocco.
 */
const STATES = [
  // country, code, name
  ['US', 'NY', 'New York'], ['US', 'CA', 'California'], ['US', 'TX', 'Texas'],
  ['DE', 'DE-BY', 'Bayern'], ['DE', 'DE-NW', 'Nordrhein-Westfalen'],
  ['CH', 'ZH', 'Zürich'], ['CH', 'GE-FR', 'Genève'],
  ['ES', 'B', 'Barcelona'], ['ES', 'M', 'Madrid'],
  ['IT', 'MI', 'Milano'], ['IT', 'RM', 'Roma'],
  ['JP', '13', 'Tokyo'], ['JP', '27', 'Osaka'],
  ['CN', '沪', '上海市'], ['CN', '京', '北京市'],
] as const;

export function seedCurrenciesAndCountries(world: World): void {
  const { seeder } = world;
  const currencyIds = world.currencies;
  for (const [name, full, symbol, position, active, unit, subunit] of CURRENCIES) {
    const id = seeder.insert('res.currency', {
      name, full_name: full, symbol, rounding: name === 'JPY' ? 1 : 0.01, decimal_places: name === 'JPY' ? 0 : 2,
      active, position, currency_unit_label: unit, currency_subunit_label: subunit,
    }, installStamp(world));
    currencyIds.set(name, id);
  }
  world.currencyId = currencyIds.get('EUR')!;
  for (const [code, name, phone, currency, vat, zip] of COUNTRIES) {
    const id = seeder.insert('res.country', {
      name, code, phone_code: phone, currency_id: currencyIds.get(currency) ?? false, vat_label: vat,
      state_required: code === 'US', zip_required: zip,
    }, installStamp(world, 1));
    world.countries.set(code, id);
  }
  for (const [country, code, name] of STATES) {
    world.states.set(`${country}/${code}`, seeder.insert('res.country.state', { country_id: world.countries.get(country)!, name, code }, installStamp(world, 1)));
  }
}

/** The id of a state seeded above (`country`/`code`), false for none. */
export function stateId(world: World, country: string, code: string | undefined): number | false {
  if (code === undefined) return false;
  const id = world.states.get(`${country}/${code}`);
  if (id === undefined) throw new Error(`no state ${code} in ${country}`);
  return id;
}

/** The company, OdooBot, the administrator, staff users (with their partners) and the sales teams. */
export function seedCompanyAndUsers(world: World, rng: Rng): void {
  const { seeder } = world;
  const fr = world.countries.get('FR')!;
  const install = installStamp(world, 2);
  // res.company 1 and its partner (res.partner 1) point at each other.
  seeder.insert('res.company', {
    name: 'Maison Lumière SAS', active: true, sequence: 10, parent_id: false, partner_id: world.companyPartnerId,
    report_header: '<p>Épicerie fine &amp; art de vivre ✨</p>', currency_id: world.currencyId,
    email: 'contact@maison-lumiere.example', phone: '+33 1 43 55 21 09', company_registry: '812 345 678 00021', color: 1,
  }, install);
  const partner = (values: Record<string, unknown>, stamp = install): number => seeder.insert('res.partner', partnerValues(world.version, values), stamp);
  partner({
    name: 'Maison Lumière SAS', complete_name: 'Maison Lumière SAS', is_company: true, street: '12 rue de la Roquette',
    zip: '75011', city: 'Paris', country_id: fr, email: 'contact@maison-lumiere.example', phone: '+33 1 43 55 21 09',
    vat: 'FR44812345678', website: 'https://maison-lumiere.example', company_id: world.companyId,
    commercial_partner_id: world.companyPartnerId, image_1920: TINY_PNG, lang: 'fr_FR', tz: 'Europe/Paris',
  });
  const botPartner = seeder.peek('res.partner');
  partner({ name: 'OdooBot', complete_name: 'OdooBot', active: false, email: 'odoobot@example.com', image_1920: TINY_PNG, commercial_partner_id: botPartner });
  const userIds: number[] = [];
  // OdooBot is user 1 (__system__), archived as in every database.
  userIds.push(seeder.insert('res.users', userValues(world, botPartner, '__system__', false, 'bot'), installStamp(world, 2)));
  STAFF.forEach(([name, login, active, role], i) => {
    const stamp = i === 0 ? install : masterStamp(world, rng);
    const partnerId = seeder.peek('res.partner');
    partner({
      name, complete_name: name, email: login.includes('@') ? login : `${login}@maison-lumiere.example`,
      company_id: world.companyId, commercial_partner_id: partnerId, active, lang: i === 3 ? 'zh_CN' : 'fr_FR',
      tz: 'Europe/Paris', image_1920: rng.chance(0.5) ? TINY_PNG : false, employee: i < 9,
    }, stamp);
    userIds.push(seeder.insert('res.users', userValues(world, partnerId, login, active, role), stamp));
  });
  const [bot, admin, m1, m2, m3, c1, c2, c3, salesRep, buyer] = userIds as [number, ...number[]];
  world.users = {
    bot, admin: admin!, managers: [m1!, m2!, m3!], cashiers: [c1!, c2!, c3!], salesRep: salesRep!, buyer: buyer!,
    all: userIds,
  };
  seedTeams(world, rng);
}

function userValues(world: World, partnerId: number, login: string, active: boolean, role: StaffRole | 'bot'): Record<string, unknown> {
  const internal = role !== 'portal' && role !== 'bot';
  // The teams are written right after the users: store, then B2B (see seedTeams).
  const firstTeam = world.seeder.peek('crm.team');
  const team = role === 'manager' || role === 'cashier' || role === 'former' ? firstTeam : firstTeam + 1;
  return {
    partner_id: partnerId, login, active, company_id: world.companyId, company_ids: [world.companyId], share: role === 'portal',
    signature: internal ? `<p>-- <br>${login}</p>` : false, notification_type: role === 'admin' ? 'inbox' : 'email',
    sale_team_id: internal ? team : false,
  };
}

function seedTeams(world: World, rng: Rng): void {
  const { seeder, users } = world;
  const team = (name: string, leader: number, seq: number, leads: boolean, target: number): number => seeder.insert('crm.team', {
    name, sequence: seq, active: true, company_id: world.companyId, user_id: leader, color: seq, use_leads: leads,
    use_opportunities: true, invoiced_target: target,
  }, masterStamp(world, rng));
  world.teams = {
    store: team('Ventes en magasin', users.managers[0]!, 10, false, 250000),
    b2b: team('Ventes B2B 🤝', users.salesRep, 20, true, 120000),
    web: team('Boutique en ligne', users.admin, 30, false, 0),
  };
}

type StaffRole = 'admin' | 'manager' | 'cashier' | 'sales' | 'buyer' | 'former' | 'portal';

/** Staff users: [name, login, active, role]. Order matters: admin, 3 shop managers, 3 cashiers, sales rep, buyer, a former cashier, a portal user. */
export const STAFF: ReadonlyArray<readonly [string, string, boolean, StaffRole]> = [
  ['Amélie Durand', 'admin', true, 'admin'],
  ['Jérôme Lefèvre', 'jerome.lefevre', true, 'manager'], ['Käthe Groß', 'kathe.gross', true, 'manager'],
  ['王芳 Wang Fang', 'fang.wang', true, 'manager'],
  ['Noémie Petit', 'noemie.petit', true, 'cashier'], ['Loïc Bernard', 'loic.bernard', true, 'cashier'],
  ['Inès Benali', 'ines.benali', true, 'cashier'],
  ['Raphaël Dubois', 'raphael.dubois', true, 'sales'], ['Søren Nørgaard', 'soren.norgaard', true, 'buyer'],
  ['Gaëtan Moreau', 'gaetan.moreau', false, 'former'], ['Zoë Fontaine', 'zoe.fontaine@client.example', true, 'portal'],
];

/**
 * res.partner values with every optional field empty unless given, as `version` has them:
 * Odoo 19 has no `mobile`, so one given is dropped (the caller still drew its random values,
 * which keeps every other figure the same on every version).
 */
export function partnerValues(version: number, values: Record<string, unknown>): Record<string, unknown> {
  const all: Record<string, unknown> = {
    name: false, complete_name: false, parent_id: false, ref: false, lang: 'fr_FR', tz: false, user_id: false, vat: false,
    website: false, comment: false, active: true, employee: false, function: false, type: 'contact', street: false,
    street2: false, zip: false, city: false, state_id: false, country_id: false, partner_latitude: 0, partner_longitude: 0, email: false,
    phone: false, mobile: false, is_company: false, company_id: false, color: 0, commercial_partner_id: false,
    commercial_company_name: false, company_name: false, customer_rank: 0, supplier_rank: 0, image_1920: false,
    x_loyalty_tier: false, x_marketing_optin: false,
    ...values,
  };
  if (version >= 19) delete all.mobile;
  return all;
}

/** An e-mail for a person or company name, on a plausible domain. */
export function emailFor(name: string, rng: Rng): string {
  const domains = ['gmail.com', 'orange.fr', 'free.fr', 'web.de', 'outlook.com', 'qq.com', 'example.org'];
  return `${asciiSlug(name)}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(domains)}`;
}
