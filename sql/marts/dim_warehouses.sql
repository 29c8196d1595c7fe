-- description: One row per warehouse (stock.warehouse).
-- materialized: incremental
-- unique_key: warehouse_id
-- tags: stock
-- tests: warehouse_id not_null unique
select w.id as warehouse_id,
       w.name,
       w.code,
       w.lot_stock_id as stock_location_id,
       w.view_location_id,
       w.partner_id,
       w.active,
       w.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       w.deleted_at
from {{ ref('stg_stock_warehouse') }} as w
where {{ changed(w) }}
