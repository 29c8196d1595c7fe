/** Products: the variants (`product.product`) that orders, lines and stock point at, with their template's main fields. */
import type { OdooClient } from '../client.ts';
import type { Many2one, OdooDatetime } from './field-values.ts';
import { checkBoolean } from './query-checks.ts';
import { fieldList, readModel, whereIs, type ArchiveOption, type ReadOptions, type Selected } from './read-model.ts';

/** A product variant (`product.product`); the template's fields come through `product_tmpl_id`, as Odoo reads them. */
export interface Product {
  id: number;
  name: string;
  /** `'[REF] Name (variant values)'`, what Odoo shows. */
  display_name: string;
  /** The internal reference. */
  default_code: string | false;
  barcode: string | false;
  product_tmpl_id: Many2one;
  categ_id: Many2one;
  /** The template's sales price. */
  list_price: number;
  /** The variant's sales price (list price plus variant extras). */
  lst_price: number;
  /** The cost. */
  standard_price: number;
  uom_id: Many2one;
  /** `consu`, `service`, and `product` (storable, up to 17) or `combo` (18+). */
  type: string;
  /** Up to Odoo 17: `consu`, `service` or `product`. */
  detailed_type?: string;
  /** Odoo 18+: inventory is tracked (17's `product` type). */
  is_storable?: boolean;
  sale_ok: boolean;
  purchase_ok: boolean;
  /** With point_of_sale. */
  available_in_pos?: boolean;
  /** POS category, Odoo 16. */
  pos_categ_id?: Many2one;
  /** POS categories, Odoo 17+. */
  pos_categ_ids?: number[];
  active: boolean;
  write_date: OdooDatetime;
}

export interface ProductQuery<K extends keyof Product = keyof Product> extends ArchiveOption, ReadOptions<K> {
  /** true: only products sold in the POS; false: only those not. Default: both. */
  readonly availableInPos?: boolean;
}

const PRODUCT = {
  helper: 'products',
  model: 'product.product',
  options: ['availableInPos'],
  archivable: true,
  fields: fieldList<Product>()([
    'name', 'display_name', 'default_code', 'barcode', 'product_tmpl_id', 'categ_id', 'list_price', 'lst_price', 'standard_price', 'uom_id',
    'type', 'detailed_type', 'is_storable', 'sale_ok', 'purchase_ok', 'available_in_pos', 'pos_categ_id', 'pos_categ_ids', 'active',
    'write_date',
  ]),
};

/**
 * Product variants, in id order; archived ones only with `includeArchived`.
 *
 * @example
 * for await (const product of products(odoo, { availableInPos: true })) console.log(product.display_name, product.lst_price);
 */
export function products<K extends keyof Product = keyof Product>(
  odoo: OdooClient,
  query: ProductQuery<K> = {},
): AsyncGenerator<Selected<Product, K>> {
  const inPos = checkBoolean(PRODUCT.helper, 'availableInPos', query.availableInPos);
  // On the template, where it is stored (the variant's is inherited through product_tmpl_id).
  return readModel(odoo, PRODUCT, query, () => whereIs('product_tmpl_id.available_in_pos', inPos));
}
