-- description: One row per product category (product.category), with its parent and full path.
-- materialized: incremental
-- unique_key: category_id
-- tags: products
-- tests: category_id not_null unique
select c.id as category_id,
       c.name,
       c.complete_name,
       c.parent_id,
       c.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       c.deleted_at
from {{ ref('stg_product_category') }} as c
where {{ changed(c) }}
