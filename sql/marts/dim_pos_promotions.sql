-- description: One row per promotion of the third-party pos.promotion module; empty without it.
-- materialized: incremental
-- unique_key: pos_promotion_id
-- tags: promotions
-- tests: pos_promotion_id not_null unique
select p.id as pos_promotion_id,
       -- pos.promotion is a third-party module: its staging view is empty when the instance lacks
       -- it, and a field the module does not have is a NULL column.
       p.name,
       p.promotion_type,
       p.discount,
       p.min_amount,
       p.date_start at time zone 'UTC' as date_start,
       p.date_end at time zone 'UTC' as date_end,
       p.pos_config_ids as branch_ids,
       p.product_ids,
       p.active,
       p.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       p.deleted_at
from {{ ref('stg_pos_promotion') }} as p
where {{ changed(p) }}
