-- materialized: incremental
-- unique_key: picking_type_id
-- tags: stock, purchases
-- tests: picking_type_id not_null unique
select t.id as picking_type_id,
       odoo_text(t.data -> 'name') as name,
       odoo_text(t.data -> 'code') as code,
       odoo_text(t.data -> 'sequence_code') as sequence_code,
       odoo_id(t.data -> 'warehouse_id') as warehouse_id,
       odoo_id(t.data -> 'default_location_src_id') as default_location_src_id,
       odoo_id(t.data -> 'default_location_dest_id') as default_location_dest_id,
       odoo_bool(t.data -> 'active') as active,
       odoo_ts(t.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       t.deleted_at
from {{ source('stock.picking.type') }} as t
where {{ changed(t) }}
