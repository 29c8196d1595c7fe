-- materialized: incremental
-- unique_key: department_id
-- tags: people
-- tests: department_id not_null unique
select d.id as department_id,
       odoo_text(d.data -> 'name') as name,
       odoo_text(d.data -> 'complete_name') as complete_name,
       odoo_id(d.data -> 'parent_id') as parent_id,
       odoo_id(d.data -> 'manager_id') as manager_id,
       odoo_bool(d.data -> 'active') as active,
       odoo_ts(d.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       d.deleted_at
from {{ source('hr.department') }} as d
where {{ changed(d) }}
