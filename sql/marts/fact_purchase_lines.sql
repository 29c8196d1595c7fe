-- materialized: incremental
-- unique_key: line_id
-- tags: purchases
-- verify: price_total = sum(purchase.order.line.price_total)
-- references: product_id -> dim_products.product_id; vendor_id -> dim_customers.customer_id
-- tests: line_id not_null unique; order_id not_null relationships(fact_purchase_orders.order_id); product_id relationships(dim_products.product_id); vendor_id relationships(dim_customers.customer_id)
with touched as (
  -- Lines that changed, and every line of an order that changed (through the order's
  -- stored line list; the join covers an order landed without it).
  select pl.id from {{ source('purchase.order.line') }} as pl where {{ changed(pl) }}
  union
  select unnest(odoo_ids(po.data -> 'order_line')) from {{ source('purchase.order') }} as po where {{ changed(po) }}
  union
  select pl.id from {{ source('purchase.order') }} as po
  join {{ source('purchase.order.line') }} as pl on odoo_id(pl.data -> 'order_id') = po.id
  where {{ changed(po) }} and not (po.data ? 'order_line')
)
select pl.id as line_id,
       odoo_id(pl.data -> 'order_id') as order_id,
       odoo_id(pl.data -> 'product_id') as product_id,
       odoo_num(pl.data -> 'product_qty') as product_qty,
       odoo_num(pl.data -> 'qty_received') as qty_received,
       odoo_num(pl.data -> 'qty_invoiced') as qty_invoiced,
       odoo_num(pl.data -> 'price_unit') as price_unit,
       odoo_num(pl.data -> 'discount') as discount,
       odoo_num(pl.data -> 'price_subtotal') as price_subtotal,
       odoo_num(pl.data -> 'price_tax') as price_tax,
       odoo_num(pl.data -> 'price_total') as price_total,
       odoo_ts(pl.data -> 'date_planned') as date_planned,
       odoo_text(po.data -> 'state') as order_state,
       odoo_id(po.data -> 'partner_id') as vendor_id,
       odoo_ts(po.data -> 'date_order') as date_order,
       elt_local(odoo_ts(po.data -> 'date_order'))::date as local_date,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       pl.deleted_at
from {{ source('purchase.order.line') }} as pl
left join {{ source('purchase.order') }} as po on po.id = odoo_id(pl.data -> 'order_id')
-- an array, not a join: the touched lines are read by id even when statistics are stale
where pl.id = any(array(select id from touched))
  -- section and note lines carry no product and no amount
  and odoo_text(pl.data -> 'display_type') is null
