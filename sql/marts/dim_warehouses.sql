-- materialized: incremental
-- unique_key: warehouse_id
-- tags: stock
-- tests: warehouse_id not_null unique
select w.id as warehouse_id,
       odoo_text(w.data -> 'name') as name,
       odoo_text(w.data -> 'code') as code,
       odoo_id(w.data -> 'lot_stock_id') as stock_location_id,
       odoo_id(w.data -> 'view_location_id') as view_location_id,
       odoo_id(w.data -> 'partner_id') as partner_id,
       odoo_bool(w.data -> 'active') as active,
       odoo_ts(w.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       w.deleted_at
from {{ source('stock.warehouse') }} as w
where {{ changed(w) }}
