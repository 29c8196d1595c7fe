-- description: One row per employee work location (hr.work.location).
-- materialized: incremental
-- unique_key: work_location_id
-- tags: people
-- tests: work_location_id not_null unique
select w.id as work_location_id,
       w.name,
       w.location_type,
       w.address_id,
       w.location_number,
       w.active,
       w.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       w.deleted_at
from {{ ref('stg_hr_work_location') }} as w
where {{ changed(w) }}
