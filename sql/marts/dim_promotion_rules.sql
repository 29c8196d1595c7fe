-- description: One row per loyalty rule (loyalty.rule) of a promotion program.
-- materialized: incremental
-- unique_key: rule_id
-- tags: promotions
-- tests: rule_id not_null unique; program_id not_null
select r.id as rule_id,
       r.program_id,
       r.mode,
       r.code,
       r.product_ids,
       r.product_category_id,
       r.product_domain,
       -- an integer field in Odoo, numeric in the mart
       r.minimum_qty::numeric as minimum_qty,
       r.minimum_amount,
       r.reward_point_amount,
       r.reward_point_mode,
       r.active,
       r.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       r.deleted_at
from {{ ref('stg_loyalty_rule') }} as r
where {{ changed(r) }}
