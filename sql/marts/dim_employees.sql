-- description: One row per employee (hr.employee), with job and department (from hr.version on Odoo 19).
-- materialized: incremental
-- unique_key: employee_id
-- tags: people
-- tests: employee_id not_null unique
select e.id as employee_id,
       e.name,
       -- Odoo 19 keeps these on hr.version (the employee's current version); before 19
       -- stg_hr_version is empty and they come from the employee itself.
       coalesce(v.department_id, e.department_id) as department_id,
       coalesce(v.job_id, e.job_id) as job_id,
       coalesce(v.job_title, e.job_title) as job_title,
       e.parent_id as manager_id,
       e.coach_id,
       coalesce(v.work_location_id, e.work_location_id) as work_location_id,
       e.user_id,
       e.work_email,
       e.work_phone,
       e.mobile_phone,
       coalesce(v.employee_type, e.employee_type) as employee_type,
       coalesce(v.departure_date, e.departure_date) as departure_date,
       coalesce(v.contract_date_start, e.contract_date_start) as contract_date_start,
       coalesce(v.contract_date_end, e.contract_date_end) as contract_date_end,
       v.id as version_id,
       e.active,
       e.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       e.deleted_at
from {{ ref('stg_hr_employee') }} as e
left join {{ ref('stg_hr_version') }} as v
  on v.id = e.current_version_id and v.deleted_at is null
where {{ changed(e) }} or {{ changed(v) }}
