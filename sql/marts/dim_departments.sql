-- description: One row per employee department (hr.department).
-- materialized: incremental
-- unique_key: department_id
-- tags: people
-- tests: department_id not_null unique
select d.id as department_id,
       d.name,
       d.complete_name,
       d.parent_id,
       d.manager_id,
       d.active,
       d.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       d.deleted_at
from {{ ref('stg_hr_department') }} as d
where {{ changed(d) }}
