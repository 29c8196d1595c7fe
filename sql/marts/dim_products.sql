-- description: One row per product variant (product.product), with its template's name, prices, category and flags.
-- materialized: incremental
-- unique_key: product_id
-- tags: products
-- tests: product_id not_null unique; template_id not_null
select p.id as product_id,
       -- name, prices and flags live on product.template (product.product inherits them unstored)
       p.product_tmpl_id as template_id,
       p.default_code,
       p.barcode,
       t.name,
       t.list_price,
       -- stored per variant from Odoo 18; on 17 a company property the catalog reads anyway (include_fields)
       p.standard_price,
       t.categ_id as category_id,
       -- the category's full path ('All / Saleable'), as Odoo displays it
       c.complete_name as category_name,
       -- Odoo 17+ pos_categ_ids (many2many); Odoo 16 had one pos_categ_id. The one this
       -- Odoo lacks is a NULL column; a landed pos_categ_ids is never NULL (at least {}).
       coalesce(t.pos_categ_ids, array_remove(array[t.pos_categ_id], null)) as pos_category_ids,
       t.uom_id,
       u.name as uom_name,
       t.product_brand_id as brand_id,
       b.name as brand_name,
       coalesce(t.detailed_type, t.type) as product_type,
       -- Odoo 18+ flags storable goods with is_storable; 16-17 with type 'product'
       coalesce(t.is_storable, t.type = 'product') as is_storable,
       t.sale_ok,
       t.purchase_ok,
       t.available_in_pos,
       p.active,
       p.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       p.deleted_at
from {{ ref('stg_product_product') }} as p
left join {{ ref('stg_product_template') }} as t
  on t.id = p.product_tmpl_id and t.deleted_at is null
left join {{ ref('stg_product_category') }} as c
  on c.id = t.categ_id and c.deleted_at is null
left join {{ ref('stg_uom_uom') }} as u
  on u.id = t.uom_id and u.deleted_at is null
left join {{ ref('stg_product_brand') }} as b
  on b.id = t.product_brand_id and b.deleted_at is null
where {{ changed(p) }} or {{ changed(t) }} or {{ changed(c) }} or {{ changed(u) }} or {{ changed(b) }}
