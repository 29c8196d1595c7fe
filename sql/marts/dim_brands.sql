-- description: One row per product brand (product.brand); empty when no brand module is installed.
-- materialized: incremental
-- unique_key: brand_id
-- tags: products
-- tests: brand_id not_null unique
select b.id as brand_id,
       -- product.brand is a third-party module: its staging view is empty when the instance lacks it.
       b.name,
       b.active,
       b.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       b.deleted_at
from {{ ref('stg_product_brand') }} as b
where {{ changed(b) }}
