-- materialized: incremental
-- unique_key: product_id
-- tags: products
-- tests: product_id not_null unique; template_id not_null
select p.id as product_id,
       -- name, prices and flags live on product.template (product.product inherits them unstored)
       odoo_id(p.data -> 'product_tmpl_id') as template_id,
       odoo_text(p.data -> 'default_code') as default_code,
       odoo_text(p.data -> 'barcode') as barcode,
       odoo_text(t.data -> 'name') as name,
       odoo_num(t.data -> 'list_price') as list_price,
       -- stored per variant from Odoo 18; on 17 a company property the catalog reads anyway (include_fields)
       odoo_num(p.data -> 'standard_price') as standard_price,
       odoo_id(t.data -> 'categ_id') as category_id,
       odoo_name(t.data -> 'categ_id') as category_name,
       -- Odoo 17+ pos_categ_ids (many2many); Odoo 16 had one pos_categ_id
       case when t.data ? 'pos_categ_ids' then odoo_ids(t.data -> 'pos_categ_ids')
            else array_remove(array[odoo_id(t.data -> 'pos_categ_id')], null) end as pos_category_ids,
       odoo_id(t.data -> 'uom_id') as uom_id,
       odoo_name(t.data -> 'uom_id') as uom_name,
       odoo_id(t.data -> 'product_brand_id') as brand_id,
       odoo_name(t.data -> 'product_brand_id') as brand_name,
       coalesce(odoo_text(t.data -> 'detailed_type'), odoo_text(t.data -> 'type')) as product_type,
       -- Odoo 18+ flags storable goods with is_storable; 16-17 with type 'product'
       coalesce(odoo_bool(t.data -> 'is_storable'), odoo_text(t.data -> 'type') = 'product') as is_storable,
       odoo_bool(t.data -> 'sale_ok') as sale_ok,
       odoo_bool(t.data -> 'purchase_ok') as purchase_ok,
       odoo_bool(t.data -> 'available_in_pos') as available_in_pos,
       odoo_bool(p.data -> 'active') as active,
       odoo_ts(p.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       p.deleted_at
from {{ source('product.product') }} as p
left join {{ source('product.template') }} as t
  on t.id = odoo_id(p.data -> 'product_tmpl_id') and t.deleted_at is null
where {{ changed(p) }} or {{ changed(t) }}
