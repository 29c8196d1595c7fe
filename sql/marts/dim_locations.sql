-- description: One row per stock location (stock.location), with its usage and full name.
-- materialized: incremental
-- unique_key: location_id
-- tags: stock
-- tests: location_id not_null unique; usage accepted_values(supplier, view, internal, customer, inventory, production, transit)
select l.id as location_id,
       l.name,
       l.complete_name,
       l.usage,
       l.location_id as parent_id,
       l.warehouse_id,
       l.scrap_location as is_scrap,
       l.barcode,
       l.active,
       l.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       l.deleted_at
from {{ ref('stg_stock_location') }} as l
where {{ changed(l) }}
