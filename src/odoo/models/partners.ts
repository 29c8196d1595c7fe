/** Contacts (`res.partner`): all of them, or the customers and suppliers Odoo ranks as such. */
import type { OdooClient } from '../client.ts';
import { leaf, type Domain } from '../domain.ts';
import type { Many2one, OdooDatetime } from './field-values.ts';
import { fieldList, readModel, type ArchiveOption, type ReadOptions, type Selected } from './read-model.ts';

/** A contact (`res.partner`): a company, a person, or an address of either. */
export interface Partner {
  id: number;
  name: string | false;
  /** `'Company, Person'` for a company's contact. */
  display_name: string;
  ref: string | false;
  email: string | false;
  phone: string | false;
  /** Up to Odoo 18. */
  mobile?: string | false;
  street: string | false;
  street2: string | false;
  zip: string | false;
  city: string | false;
  state_id: Many2one;
  country_id: Many2one;
  vat: string | false;
  lang: string | false;
  is_company: boolean;
  /** `contact`, `invoice`, `delivery`, `other`, ... */
  type: string | false;
  /** The company of a contact person or an address. */
  parent_id: Many2one;
  commercial_partner_id: Many2one;
  /** Grows with each confirmed sale or invoice (account module). */
  customer_rank?: number;
  /** Grows with each purchase or vendor bill (account module). */
  supplier_rank?: number;
  active: boolean;
  write_date: OdooDatetime;
}

export interface PartnerQuery<K extends keyof Partner = keyof Partner> extends ArchiveOption, ReadOptions<K> {}

const PARTNER_FIELDS = fieldList<Partner>()([
  'name', 'display_name', 'ref', 'email', 'phone', 'mobile', 'street', 'street2', 'zip', 'city', 'state_id', 'country_id', 'vat', 'lang',
  'is_company', 'type', 'parent_id', 'commercial_partner_id', 'customer_rank', 'supplier_rank', 'active', 'write_date',
]);

function partnerSpec(helper: string) {
  return { helper, model: 'res.partner', options: [], archivable: true, fields: PARTNER_FIELDS };
}

const PARTNERS = partnerSpec('partners');
const CUSTOMERS = partnerSpec('customers');
const SUPPLIERS = partnerSpec('suppliers');

/** Every contact, in id order; archived ones only with `includeArchived`. */
export function partners<K extends keyof Partner = keyof Partner>(
  odoo: OdooClient,
  query: PartnerQuery<K> = {},
): AsyncGenerator<Selected<Partner, K>> {
  return readModel(odoo, PARTNERS, query, () => []);
}

/**
 * The customers: contacts Odoo has sold or invoiced to (`customer_rank > 0`),
 * in id order. A walk-in POS buyer with no customer set is not one.
 *
 * @example
 * const emails = [];
 * for await (const c of customers(odoo, { fields: ['email'] })) if (c.email) emails.push(c.email);
 */
export function customers<K extends keyof Partner = keyof Partner>(
  odoo: OdooClient,
  query: PartnerQuery<K> = {},
): AsyncGenerator<Selected<Partner, K>> {
  return readModel(odoo, CUSTOMERS, query, () => ranked('customer_rank'));
}

/** The suppliers: contacts Odoo has bought from or been billed by (`supplier_rank > 0`), in id order. */
export function suppliers<K extends keyof Partner = keyof Partner>(
  odoo: OdooClient,
  query: PartnerQuery<K> = {},
): AsyncGenerator<Selected<Partner, K>> {
  return readModel(odoo, SUPPLIERS, query, () => ranked('supplier_rank'));
}

function ranked(rank: 'customer_rank' | 'supplier_rank'): Domain {
  return [leaf(rank, '>', 0)];
}
