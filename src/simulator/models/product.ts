import type { FieldDef, ModelDef, RecordValues } from '../model-def.ts';
import {
  active, binary, bool, char, float, follow, html, inherited, int, m2m, m2o, o2m, patchModel, related, sel, text,
} from './fields.ts';

/** product module models (with what stock, sale, purchase, account and point_of_sale add), Odoo 17. */

export const productCategory: ModelDef = {
  name: 'product.category',
  description: 'Product Category',
  order: 'complete_name',
  recName: 'complete_name',
  fields: {
    name: char('Name', { required: true }),
    complete_name: char('Complete Name'),
    parent_id: m2o('product.category', 'Parent Category'),
    parent_path: char('Parent Path'),
    child_id: o2m('product.category', 'parent_id', 'Child Categories'),
  },
};

export const productPricelist: ModelDef = {
  name: 'product.pricelist',
  description: 'Pricelist',
  order: 'sequence asc, id asc',
  fields: {
    name: char('Pricelist Name', { required: true }),
    active: active(),
    sequence: int('Sequence'),
    currency_id: m2o('res.currency', 'Currency', { required: true }),
    company_id: m2o('res.company', 'Company'),
    discount_policy: sel('Discount Policy', [
      ['with_discount', 'Discount included in the price'],
      ['without_discount', 'Show public price & discount to the customer'],
    ]),
  },
  // Odoo 17 shows the currency: 'Public Pricelist (EUR)'.
  displayName: (r, lookup) => `${String(r.name)} (${String(follow(r, lookup, [['currency_id', 'res.currency']], 'name', ''))})`,
};

export const productBrand: ModelDef = {
  name: 'product.brand',
  description: 'Product Brand',
  order: 'name',
  fields: {
    name: char('Brand Name', { required: true }),
    active: active(),
    description: html('Description'),
  },
};

/** Cost of a product: deterministic per reference, 40-68 % of the sales price. Shared by the computes and the generator. */
export function productCost(listPrice: number, code: unknown): number {
  const key = typeof code === 'string' ? code : '';
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  const ratio = 0.4 + ((h >>> 0) % 29) / 100;
  return Math.round(listPrice * ratio * 100) / 100;
}

const TYPE_17 = [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']] as const;
const TYPE_18 = [['consu', 'Goods'], ['service', 'Service'], ['combo', 'Combo']] as const;

export const productTemplate: ModelDef = {
  name: 'product.template',
  description: 'Product',
  order: 'priority desc, name',
  fields: {
    name: char('Name', { required: true }),
    sequence: int('Sequence'),
    description: html('Description'),
    description_sale: text('Sales Description'),
    description_purchase: text('Purchase Description'),
    detailed_type: sel('Product Type', TYPE_17, { required: true }),
    type: sel('Type', TYPE_17),
    categ_id: m2o('product.category', 'Product Category', { required: true }),
    currency_id: m2o('res.currency', 'Currency', {
      store: false,
      // No company on the template: the main company's currency (`_get_main_company`).
      compute: (r, lookup) => follow(r, lookup, [['company_id', 'res.company']], 'currency_id', false)
        || (lookup.get('res.company', 1)?.currency_id ?? false),
    }),
    list_price: float('Sales Price'),
    standard_price: float('Cost', {
      store: false,
      // The template shows its single variant's cost; a configurable template shows 0.
      compute: (r) => (r.has_configurable_attributes ? 0 : productCost(num(r.list_price), r.default_code)),
    }),
    volume: float('Volume'),
    weight: float('Weight'),
    sale_ok: bool('Can be Sold'),
    purchase_ok: bool('Can be Purchased'),
    uom_id: m2o('uom.uom', 'Unit of Measure', { required: true }),
    uom_name: related(char('Unit of Measure Name'), [['uom_id', 'uom.uom']], 'name'),
    uom_po_id: m2o('uom.uom', 'Purchase UoM', { required: true }),
    company_id: m2o('res.company', 'Company'),
    active: active(),
    color: int('Color Index'),
    product_variant_ids: o2m('product.product', 'product_tmpl_id', 'Products', { required: true }),
    default_code: char('Internal Reference'),
    has_configurable_attributes: bool('Is a configurable product'),
    priority: sel('Favorite', [['0', 'Normal'], ['1', 'Favorite']]),
    image_1920: binary('Image'),
    taxes_id: m2m('account.tax', 'Customer Taxes'),
    supplier_taxes_id: m2m('account.tax', 'Vendor Taxes'),
    invoice_policy: sel('Invoicing Policy', [['order', 'Ordered quantities'], ['delivery', 'Delivered quantities']]),
    tracking: sel('Tracking', [['serial', 'By Unique Serial Number'], ['lot', 'By Lots'], ['none', 'No Tracking']], {
      required: true,
    }),
    available_in_pos: bool('Available in POS'),
    to_weight: bool('To Weigh With Scale'),
    pos_categ_ids: m2m('pos.category', 'Point of Sale Category'),
    // Needs the quants (a search); the simulator has no stock moves, so it reads 0.
    qty_available: float('Quantity On Hand', { store: false, compute: () => 0 }),
    x_origin: char('Origin'),
  },
};

/** Odoo 18 merged detailed_type into `type` (goods/service/combo) plus `is_storable`. */
function templateFor(version: number, brand: boolean): ModelDef {
  let def = productTemplate;
  if (version >= 18) {
    def = patchModel(def, {
      type: sel('Product Type', TYPE_18, { required: true }),
      is_storable: bool('Track Inventory'),
    }, ['detailed_type']);
  }
  if (brand) def = patchModel(def, { product_brand_id: m2o('product.brand', 'Brand') });
  return def;
}

/** product.product `_inherits` product.template: these template fields read through product_tmpl_id. */
const VARIANT_INHERITED = [
  'name', 'list_price', 'categ_id', 'uom_id', 'uom_po_id', 'type', 'sale_ok', 'purchase_ok', 'company_id',
  'taxes_id', 'supplier_taxes_id', 'available_in_pos', 'to_weight', 'pos_categ_ids', 'description_sale', 'tracking',
  'invoice_policy',
] as const;

function variantFor(template: ModelDef, version: number): ModelDef {
  const extra = ['detailed_type', 'is_storable', 'product_brand_id'].filter((f) => f in template.fields);
  const cost: FieldDef = version >= 18
    ? float('Cost') // company_dependent fields are stored (jsonb) from Odoo 18
    : float('Cost', {
      store: false,
      companyDependent: true,
      compute: (r, lookup) => productCost(num(follow(r, lookup, [['product_tmpl_id', 'product.template']], 'list_price', 0)), r.default_code),
    });
  return {
    name: 'product.product',
    description: 'Product Variant',
    order: 'priority desc, default_code, name, id',
    fields: {
      product_tmpl_id: m2o('product.template', 'Product Template', { required: true }),
      default_code: char('Internal Reference'),
      barcode: char('Barcode'),
      active: active(),
      combination_indices: char('Combination Indices'),
      price_extra: float('Variant Price Extra', { store: false, compute: () => 0 }),
      // `_compute_product_lst_price` (list price + extra) with an inverse: no search method
      lst_price: float('Sales Price', {
        store: false,
        readonly: false,
        compute: (r, lookup) => follow(r, lookup, [['product_tmpl_id', 'product.template']], 'list_price', 0),
      }),
      standard_price: cost,
      volume: float('Volume'),
      weight: float('Weight'),
      image_variant_1920: binary('Variant Image'),
      // Falls back to the template's image; not stored on the variant.
      image_1920: binary('Image', {
        store: false,
        compute: (r, lookup) => r.image_variant_1920 || follow(r, lookup, [['product_tmpl_id', 'product.template']], 'image_1920'),
      }),
      qty_available: float('Quantity On Hand', { store: false, compute: () => 0 }),
      ...inherited(template.fields, [...VARIANT_INHERITED, ...extra], 'product_tmpl_id', 'product.template'),
      // `priority` is inherited too; _order sorts on it.
      ...inherited(template.fields, ['priority'], 'product_tmpl_id', 'product.template'),
    },
    displayName: (r, lookup) => variantDisplayName(r, String(follow(r, lookup, [['product_tmpl_id', 'product.template']], 'name', ''))),
  };
}

/** '[FURN_0001] Desk', or the bare name without a reference. */
export function variantDisplayName(r: RecordValues, name: string): string {
  return typeof r.default_code === 'string' && r.default_code ? `[${r.default_code}] ${name}` : name;
}

export function productModels(version: number, brand: boolean): { template: ModelDef; variant: ModelDef } {
  const template = templateFor(version, brand);
  return { template, variant: variantFor(template, version) };
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}
