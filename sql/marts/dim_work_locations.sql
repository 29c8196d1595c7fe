-- materialized: incremental
-- unique_key: work_location_id
-- tags: people
-- tests: work_location_id not_null unique
select w.id as work_location_id,
       odoo_text(w.data -> 'name') as name,
       odoo_text(w.data -> 'location_type') as location_type,
       odoo_id(w.data -> 'address_id') as address_id,
       odoo_text(w.data -> 'location_number') as location_number,
       odoo_bool(w.data -> 'active') as active,
       odoo_ts(w.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       w.deleted_at
from {{ source('hr.work.location') }} as w
where {{ changed(w) }}
