-- materialized: incremental
-- unique_key: category_id
-- tags: products
-- tests: category_id not_null unique
select c.id as category_id,
       odoo_text(c.data -> 'name') as name,
       odoo_text(c.data -> 'complete_name') as complete_name,
       odoo_id(c.data -> 'parent_id') as parent_id,
       odoo_ts(c.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       c.deleted_at
from {{ source('product.category') }} as c
where {{ changed(c) }}
