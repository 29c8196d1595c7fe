-- description: One row per loyalty or promotion program (loyalty.program).
-- materialized: incremental
-- unique_key: program_id
-- tags: promotions
-- tests: program_id not_null unique
select p.id as program_id,
       p.name,
       p.program_type,
       p.trigger,
       p.applies_on,
       p.date_from,
       p.date_to,
       p.pos_ok,
       p.sale_ok,
       p.limit_usage,
       p.max_usage,
       p.active,
       p.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       p.deleted_at
from {{ ref('stg_loyalty_program') }} as p
where {{ changed(p) }}
