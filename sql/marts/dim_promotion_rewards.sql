-- description: One row per loyalty reward (loyalty.reward) of a promotion program.
-- materialized: incremental
-- unique_key: reward_id
-- tags: promotions
-- tests: reward_id not_null unique
select r.id as reward_id,
       r.program_id,
       r.description as name,
       r.reward_type,
       r.discount,
       r.discount_mode,
       r.discount_applicability,
       r.discount_max_amount,
       r.discount_line_product_id,
       r.reward_product_id,
       -- an integer field in Odoo, numeric in the mart
       r.reward_product_qty::numeric as reward_product_qty,
       r.required_points,
       r.active,
       r.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       r.deleted_at
from {{ ref('stg_loyalty_reward') }} as r
where {{ changed(r) }}
