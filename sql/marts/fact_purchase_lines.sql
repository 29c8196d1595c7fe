-- description: One row per purchase order line (purchase.order.line): product, vendor, quantities and amounts.
-- materialized: incremental
-- unique_key: line_id
-- tags: purchases
-- verify: price_total = sum(purchase.order.line.price_total)
-- references: product_id -> dim_products.product_id; vendor_id -> dim_customers.customer_id
-- tests: line_id not_null unique; order_id not_null relationships(fact_purchase_orders.order_id); product_id relationships(dim_products.product_id); vendor_id relationships(dim_customers.customer_id)
with orders as (
  -- The orders that changed, their line lists decoded once for the two branches below.
  select po.id, po.order_line from {{ ref('stg_purchase_order') }} as po where {{ changed(po) }}
), touched as (
  -- Lines that changed, and every line of an order that changed (through the order's
  -- stored line list; the join covers an order landed without it).
  select pl.id from {{ ref('stg_purchase_order_line') }} as pl where {{ changed(pl) }}
  union
  select unnest(po.order_line) from orders as po
  union
  select pl.id from orders as po
  join {{ ref('stg_purchase_order_line') }} as pl on pl.order_id = po.id
  where po.order_line is null
)
select pl.id as line_id,
       pl.order_id,
       pl.product_id,
       pl.product_qty,
       pl.qty_received,
       pl.qty_invoiced,
       pl.price_unit,
       pl.discount,
       pl.price_subtotal,
       pl.price_tax,
       pl.price_total,
       pl.date_planned at time zone 'UTC' as date_planned,
       po.state as order_state,
       po.partner_id as vendor_id,
       po.date_order at time zone 'UTC' as date_order,
       elt_local(po.date_order at time zone 'UTC')::date as local_date,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       pl.deleted_at
from {{ ref('stg_purchase_order_line') }} as pl
left join {{ ref('stg_purchase_order') }} as po on po.id = pl.order_id
-- an array, not a join: the touched lines are read by id even when statistics are stale
where pl.id = any(array(select id from touched))
  -- section and note lines carry no product and no amount
  and pl.display_type is null
