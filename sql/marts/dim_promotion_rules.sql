-- materialized: incremental
-- unique_key: rule_id
-- tags: promotions
-- tests: rule_id not_null unique; program_id not_null
select r.id as rule_id,
       odoo_id(r.data -> 'program_id') as program_id,
       odoo_text(r.data -> 'mode') as mode,
       odoo_text(r.data -> 'code') as code,
       odoo_ids(r.data -> 'product_ids') as product_ids,
       odoo_id(r.data -> 'product_category_id') as product_category_id,
       odoo_text(r.data -> 'product_domain') as product_domain,
       odoo_num(r.data -> 'minimum_qty') as minimum_qty,
       odoo_num(r.data -> 'minimum_amount') as minimum_amount,
       odoo_num(r.data -> 'reward_point_amount') as reward_point_amount,
       odoo_text(r.data -> 'reward_point_mode') as reward_point_mode,
       odoo_bool(r.data -> 'active') as active,
       odoo_ts(r.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       r.deleted_at
from {{ source('loyalty.rule') }} as r
where {{ changed(r) }}
