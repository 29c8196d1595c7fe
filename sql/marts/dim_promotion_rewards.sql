-- materialized: incremental
-- unique_key: reward_id
-- tags: promotions
-- tests: reward_id not_null unique
select r.id as reward_id,
       odoo_id(r.data -> 'program_id') as program_id,
       odoo_text(r.data -> 'description') as name,
       odoo_text(r.data -> 'reward_type') as reward_type,
       odoo_num(r.data -> 'discount') as discount,
       odoo_text(r.data -> 'discount_mode') as discount_mode,
       odoo_text(r.data -> 'discount_applicability') as discount_applicability,
       odoo_num(r.data -> 'discount_max_amount') as discount_max_amount,
       odoo_id(r.data -> 'discount_line_product_id') as discount_line_product_id,
       odoo_id(r.data -> 'reward_product_id') as reward_product_id,
       odoo_num(r.data -> 'reward_product_qty') as reward_product_qty,
       odoo_num(r.data -> 'required_points') as required_points,
       odoo_bool(r.data -> 'active') as active,
       odoo_ts(r.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       r.deleted_at
from {{ source('loyalty.reward') }} as r
where {{ changed(r) }}
