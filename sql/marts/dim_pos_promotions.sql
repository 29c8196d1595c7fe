-- materialized: incremental
-- unique_key: pos_promotion_id
-- tags: promotions
-- tests: pos_promotion_id not_null unique
select p.id as pos_promotion_id,
       -- pos.promotion is a third-party module: its raw table is empty when the instance lacks
       -- it, and a field the module does not have reads as NULL.
       odoo_text(p.data -> 'name') as name,
       odoo_text(p.data -> 'promotion_type') as promotion_type,
       odoo_num(p.data -> 'discount') as discount,
       odoo_num(p.data -> 'min_amount') as min_amount,
       odoo_ts(p.data -> 'date_start') as date_start,
       odoo_ts(p.data -> 'date_end') as date_end,
       odoo_ids(p.data -> 'pos_config_ids') as branch_ids,
       odoo_ids(p.data -> 'product_ids') as product_ids,
       odoo_bool(p.data -> 'active') as active,
       odoo_ts(p.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       p.deleted_at
from {{ source('pos.promotion') }} as p
where {{ changed(p) }}
