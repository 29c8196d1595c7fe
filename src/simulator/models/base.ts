import type { FieldDef, ModelDef, RecordValues } from '../model-def.ts';
import {
  active, binary, bool, char, date, float, follow, html, inherited, int, m2m, m2o, o2m, patchModel, related, sel,
} from './fields.ts';

/** Models of the `base` module (plus what account/sales_team/mail add to them), as in Odoo 17. */

export const resCurrency: ModelDef = {
  name: 'res.currency',
  description: 'Currency',
  order: 'active desc, name',
  fields: {
    name: char('Currency', { required: true }),
    full_name: char('Name'),
    symbol: char('Symbol', { required: true }),
    rounding: float('Rounding Factor'),
    decimal_places: int('Decimal Places'),
    active: active(),
    position: sel('Symbol Position', [['after', 'After Amount'], ['before', 'Before Amount']]),
    currency_unit_label: char('Currency Unit'),
    currency_subunit_label: char('Currency Subunit'),
  },
};

/**
 * res.currency.rate: `rate` is units of the currency for one unit of the
 * company's currency on and after `name` (a date). company_rate divides it by
 * the company currency's own rate (1 when, as here, it has none);
 * inverse_company_rate is 1 / company_rate. Odoo 19 adds id to the order.
 */
export function resCurrencyRate(version: number): ModelDef {
  return {
    name: 'res.currency.rate',
    description: 'Currency Rate',
    order: version >= 19 ? 'name desc, id' : 'name desc',
    fields: {
      name: date('Date', { required: true }),
      rate: float('Technical Rate'),
      company_rate: float('Company Rate', { store: false, readonly: false, compute: (r) => r.rate }),
      inverse_company_rate: float('Inverse Company Rate', {
        store: false,
        readonly: false,
        compute: (r) => (typeof r.rate === 'number' && r.rate ? 1 / r.rate : 0),
      }),
      currency_id: m2o('res.currency', 'Currency', { required: true, readonly: true }),
      company_id: m2o('res.company', 'Company'),
    },
  };
}

export const resCountry: ModelDef = {
  name: 'res.country',
  description: 'Country',
  order: 'name',
  fields: {
    name: char('Country Name', { required: true }),
    code: char('Country Code', { required: true }),
    phone_code: int('Country Calling Code'),
    currency_id: m2o('res.currency', 'Currency'),
    vat_label: char('Vat Label'),
    state_required: bool('State Required'),
    zip_required: bool('Zip Required'),
    state_ids: o2m('res.country.state', 'country_id', 'States'),
    // image_url is computed from the code, never stored.
    image_url: char('Flag', {
      store: false,
      readonly: true,
      compute: (r) => (typeof r.code === 'string' ? `/base/static/img/country_flags/${r.code.toLowerCase()}.png` : false),
    }),
  },
};

export const resCountryState: ModelDef = {
  name: 'res.country.state',
  description: 'Country state',
  order: 'code',
  fields: {
    country_id: m2o('res.country', 'Country', { required: true }),
    name: char('State Name', { required: true }),
    code: char('State Code', { required: true }),
  },
  // Odoo's _compute_display_name: the name and the country's code, 'California (US)'.
  displayName: (r, lookup) => `${String(r.name)} (${String(follow(r, lookup, [['country_id', 'res.country']], 'code'))})`,
};

/** A res.company address field, read from its partner. */
function partnerAddress(base: FieldDef, name: string): FieldDef {
  return { ...base, store: false, readonly: false, compute: (r, lookup) => follow(r, lookup, [['partner_id', 'res.partner']], name) };
}

export const resCompany: ModelDef = {
  name: 'res.company',
  description: 'Companies',
  order: 'sequence, name',
  fields: {
    // name is `related='partner_id.name', store=True`.
    name: char('Company Name', { required: true }),
    active: active(),
    sequence: int('Sequence'),
    parent_id: m2o('res.company', 'Parent Company'),
    child_ids: o2m('res.company', 'parent_id', 'Branches'),
    partner_id: m2o('res.partner', 'Partner', { required: true }),
    report_header: html('Company Tagline'),
    currency_id: m2o('res.currency', 'Currency', { required: true }),
    email: char('Email'),
    phone: char('Phone'),
    company_registry: char('Company ID'),
    color: int('Color Index'),
    // The address fields are computed from the partner (`_compute_address` + inverse, not stored, no search method).
    street: partnerAddress(char('Street'), 'street'),
    zip: partnerAddress(char('Zip'), 'zip'),
    city: partnerAddress(char('City'), 'city'),
    country_id: partnerAddress(m2o('res.country', 'Country'), 'country_id'),
    vat: related(char('Tax ID', { readonly: false }), [['partner_id', 'res.partner']], 'vat'),
    logo: related(binary('Company Logo', { readonly: false }), [['partner_id', 'res.partner']], 'image_1920'),
  },
};

const PARTNER_TYPES = [
  ['contact', 'Contact'],
  ['invoice', 'Invoice Address'],
  ['delivery', 'Delivery Address'],
  ['other', 'Other Address'],
] as const;

export const PARTNER_LANGS = [
  ['en_US', 'English (US)'],
  ['fr_FR', 'French / Français'],
  ['de_DE', 'German / Deutsch'],
  ['zh_CN', 'Chinese (Simplified) / 简体中文'],
] as const;

export const TIMEZONES = [
  ['Europe/Paris', 'Europe/Paris'],
  ['Europe/Berlin', 'Europe/Berlin'],
  ['Europe/Brussels', 'Europe/Brussels'],
  ['Europe/Zurich', 'Europe/Zurich'],
  ['Asia/Shanghai', 'Asia/Shanghai'],
  ['America/New_York', 'America/New_York'],
  ['UTC', 'UTC'],
] as const;

export const resPartner: ModelDef = {
  name: 'res.partner',
  description: 'Contact',
  order: 'complete_name ASC, id DESC',
  fields: {
    name: char('Name'),
    complete_name: char('Complete Name'),
    parent_id: m2o('res.partner', 'Related Company'),
    child_ids: o2m('res.partner', 'parent_id', 'Contact'),
    ref: char('Reference'),
    lang: sel('Language', PARTNER_LANGS),
    tz: sel('Timezone', TIMEZONES),
    user_id: m2o('res.users', 'Salesperson'),
    vat: char('Tax ID'),
    website: char('Website Link'),
    comment: html('Notes'),
    active: active(),
    employee: bool('Employee'),
    function: char('Job Position'),
    type: sel('Address Type', PARTNER_TYPES),
    street: char('Street'),
    street2: char('Street2'),
    zip: char('Zip'),
    city: char('City'),
    state_id: m2o('res.country.state', 'State'),
    country_id: m2o('res.country', 'Country'),
    country_code: related(char('Country Code'), [['country_id', 'res.country']], 'code'),
    partner_latitude: float('Geo Latitude'),
    partner_longitude: float('Geo Longitude'),
    email: char('Email'),
    phone: char('Phone'),
    mobile: char('Mobile'),
    // mail.thread.blacklist and mail.thread.phone keep normalized copies, stored (searched for dedup and blacklists)
    email_normalized: char('Normalized Email', { readonly: true, depends: ['email'], compute: (r) => normalizedEmail(r.email) }),
    phone_sanitized: char('Sanitized Number', { readonly: true, depends: ['mobile', 'phone'], compute: (r) => sanitizedPhone(r.mobile || r.phone) }),
    is_company: bool('Is a Company'),
    company_type: sel('Company Type', [['person', 'Individual'], ['company', 'Company']], {
      store: false,
      compute: (r) => (r.is_company ? 'company' : 'person'),
    }),
    company_id: m2o('res.company', 'Company'),
    color: int('Color Index'),
    commercial_partner_id: m2o('res.partner', 'Commercial Entity'),
    commercial_company_name: char('Company Name Entity'),
    company_name: char('Company Name'),
    customer_rank: int('Customer Rank'),
    supplier_rank: int('Supplier Rank'),
    image_1920: binary('Image'),
    user_ids: o2m('res.users', 'partner_id', 'Users'),
    // Custom fields as a Studio user or a small module adds them.
    x_loyalty_tier: char('Loyalty Tier'),
    x_marketing_optin: bool('Marketing Opt-in'),
  },
  // Odoo's `_get_complete_name`: 'Company, Person' for a contact of a company.
  displayName: (r) => partnerDisplayName(r),
};

/**
 * Odoo 19: res.partner has no `mobile` (phone alone remains), so phone_validation's
 * `_phone_get_number_fields` finds only `phone` and `phone_sanitized` follows it alone.
 * res.users inherits no mobile either (USER_INHERITED has none).
 */
export const resPartner19: ModelDef = patchModel(
  resPartner,
  { phone_sanitized: char('Sanitized Number', { readonly: true, depends: ['phone'], compute: (r) => sanitizedPhone(r.phone) }) },
  ['mobile'],
);

/** Odoo's `email_normalize`: the address inside `Name <address>`, lowercased; false when there is none. */
function normalizedEmail(value: unknown): string | false {
  if (typeof value !== 'string' || !value.includes('@')) return false;
  const inside = /<([^>]+)>/.exec(value)?.[1] ?? value;
  return inside.trim().toLowerCase();
}

/** phone_validation's E.164 form of an international number (`+49 30 2306151` -> `+49302306151`); false for anything else. */
function sanitizedPhone(value: unknown): string | false {
  if (typeof value !== 'string' || !value.trim().startsWith('+')) return false;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 6 ? `+${digits}` : false;
}

function partnerDisplayName(r: RecordValues): string {
  if (typeof r.complete_name === 'string') return r.complete_name;
  return typeof r.name === 'string' ? r.name : '';
}

/** res.users `_inherits` res.partner: these partner fields read through partner_id. */
const USER_INHERITED = ['name', 'email', 'phone', 'lang', 'tz', 'image_1920', 'country_id'] as const;

export const resUsers: ModelDef = {
  name: 'res.users',
  description: 'User',
  order: 'name, login',
  fields: {
    partner_id: m2o('res.partner', 'Related Partner', { required: true }),
    login: char('Login', { required: true }),
    active: active(),
    company_id: m2o('res.company', 'Company', { required: true }),
    company_ids: m2m('res.company', 'Companies'),
    share: bool('Share User'),
    signature: html('Email Signature'),
    notification_type: sel('Notification', [['email', 'Handle by Emails'], ['inbox', 'Handle in Odoo']]),
    sale_team_id: m2o('crm.team', 'User Sales Team'),
    employee_ids: o2m('hr.employee', 'user_id', 'Related employee'),
    ...inherited(resPartner.fields, USER_INHERITED, 'partner_id', 'res.partner'),
  },
  displayName: (r, lookup) => String(follow(r, lookup, [['partner_id', 'res.partner']], 'name', '')),
};
