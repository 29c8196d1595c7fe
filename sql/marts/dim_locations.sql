-- materialized: incremental
-- unique_key: location_id
-- tags: stock
-- tests: location_id not_null unique; usage accepted_values(supplier, view, internal, customer, inventory, production, transit)
select l.id as location_id,
       odoo_text(l.data -> 'name') as name,
       odoo_text(l.data -> 'complete_name') as complete_name,
       odoo_text(l.data -> 'usage') as usage,
       odoo_id(l.data -> 'location_id') as parent_id,
       odoo_id(l.data -> 'warehouse_id') as warehouse_id,
       odoo_bool(l.data -> 'scrap_location') as is_scrap,
       odoo_text(l.data -> 'barcode') as barcode,
       odoo_bool(l.data -> 'active') as active,
       odoo_ts(l.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       l.deleted_at
from {{ source('stock.location') }} as l
where {{ changed(l) }}
