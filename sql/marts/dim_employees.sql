-- materialized: incremental
-- unique_key: employee_id
-- tags: people
-- tests: employee_id not_null unique
select e.id as employee_id,
       odoo_text(e.data -> 'name') as name,
       -- Odoo 19 keeps these on hr.version (the employee's current version); before 19
       -- raw_hr_version is empty and they come from the employee itself.
       coalesce(odoo_id(v.data -> 'department_id'), odoo_id(e.data -> 'department_id')) as department_id,
       coalesce(odoo_id(v.data -> 'job_id'), odoo_id(e.data -> 'job_id')) as job_id,
       coalesce(odoo_text(v.data -> 'job_title'), odoo_text(e.data -> 'job_title')) as job_title,
       odoo_id(e.data -> 'parent_id') as manager_id,
       odoo_id(e.data -> 'coach_id') as coach_id,
       coalesce(odoo_id(v.data -> 'work_location_id'), odoo_id(e.data -> 'work_location_id')) as work_location_id,
       odoo_id(e.data -> 'user_id') as user_id,
       odoo_text(e.data -> 'work_email') as work_email,
       odoo_text(e.data -> 'work_phone') as work_phone,
       odoo_text(e.data -> 'mobile_phone') as mobile_phone,
       coalesce(odoo_text(v.data -> 'employee_type'), odoo_text(e.data -> 'employee_type')) as employee_type,
       coalesce(odoo_date(v.data -> 'departure_date'), odoo_date(e.data -> 'departure_date')) as departure_date,
       coalesce(odoo_date(v.data -> 'contract_date_start'), odoo_date(e.data -> 'contract_date_start')) as contract_date_start,
       coalesce(odoo_date(v.data -> 'contract_date_end'), odoo_date(e.data -> 'contract_date_end')) as contract_date_end,
       v.id as version_id,
       odoo_bool(e.data -> 'active') as active,
       odoo_ts(e.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       e.deleted_at
from {{ source('hr.employee') }} as e
left join {{ source('hr.version') }} as v
  on v.id = odoo_id(e.data -> 'current_version_id') and v.deleted_at is null
where {{ changed(e) }} or {{ changed(v) }}
