/**
 * Customer mart: every res.partner (customers, vendors, contacts, companies),
 * archived ones included. Nullable columns and `is_placeholder` as in products.ts.
 */
import { bigint, boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const id = (name: string) => bigint(name, { mode: 'number' });

export const dimCustomers = pgTable('dim_customers', {
  customerId: id('customer_id').primaryKey(),
  name: text('name'),
  /** Odoo's stored display name: 'Company, Person' for a company's contact. */
  completeName: text('complete_name'),
  ref: text('ref'),
  email: text('email'),
  phone: text('phone'),
  /** Up to Odoo 18; null on Odoo 19, which has no mobile (phone alone remains). */
  mobile: text('mobile'),
  street: text('street'),
  street2: text('street2'),
  zip: text('zip'),
  city: text('city'),
  stateName: text('state_name'),
  countryId: id('country_id'),
  countryName: text('country_name'),
  vat: text('vat'),
  lang: text('lang'),
  isCompany: boolean('is_company'),
  /** contact, invoice, delivery, other. */
  partnerType: text('partner_type'),
  parentId: id('parent_id'),
  commercialPartnerId: id('commercial_partner_id'),
  customerRank: bigint('customer_rank', { mode: 'number' }),
  supplierRank: bigint('supplier_rank', { mode: 'number' }),
  active: boolean('active'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }),
  isPlaceholder: boolean('is_placeholder').notNull().default(false),
});
