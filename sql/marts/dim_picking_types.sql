-- description: One row per stock operation type (stock.picking.type).
-- materialized: incremental
-- unique_key: picking_type_id
-- tags: stock, purchases
-- tests: picking_type_id not_null unique
select t.id as picking_type_id,
       t.name,
       t.code,
       t.sequence_code,
       t.warehouse_id,
       t.default_location_src_id,
       t.default_location_dest_id,
       t.active,
       t.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       t.deleted_at
from {{ ref('stg_stock_picking_type') }} as t
where {{ changed(t) }}
