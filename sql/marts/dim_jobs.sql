-- materialized: incremental
-- unique_key: job_id
-- tags: people
-- tests: job_id not_null unique
select j.id as job_id,
       odoo_text(j.data -> 'name') as name,
       odoo_id(j.data -> 'department_id') as department_id,
       odoo_bool(j.data -> 'active') as active,
       odoo_ts(j.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       j.deleted_at
from {{ source('hr.job') }} as j
where {{ changed(j) }}
