-- description: One row per job position (hr.job).
-- materialized: incremental
-- unique_key: job_id
-- tags: people
-- tests: job_id not_null unique
select j.id as job_id,
       j.name,
       j.department_id,
       j.active,
       j.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       j.deleted_at
from {{ ref('stg_hr_job') }} as j
where {{ changed(j) }}
