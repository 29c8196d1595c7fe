-- materialized: incremental
-- unique_key: brand_id
-- tags: products
-- tests: brand_id not_null unique
select b.id as brand_id,
       -- product.brand is a third-party module: its raw table is empty when the instance lacks it.
       odoo_text(b.data -> 'name') as name,
       odoo_bool(b.data -> 'active') as active,
       odoo_ts(b.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       b.deleted_at
from {{ source('product.brand') }} as b
where {{ changed(b) }}
