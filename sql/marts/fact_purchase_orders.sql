-- description: One row per purchase order (purchase.order): vendor, buyer, operation type, state and amounts.
-- materialized: incremental
-- unique_key: order_id
-- tags: purchases
-- verify: amount_total = sum(purchase.order.amount_total)
-- references: vendor_id -> dim_customers.customer_id; user_id -> dim_users.user_id; picking_type_id -> dim_picking_types.picking_type_id
-- tests: order_id not_null unique; vendor_id not_null relationships(dim_customers.customer_id); amount_total not_null; user_id relationships(dim_users.user_id); picking_type_id relationships(dim_picking_types.picking_type_id)
select po.id as order_id,
       po.name as order_ref,
       po.partner_ref as vendor_ref,
       po.state,
       po.partner_id as vendor_id,
       po.user_id,
       po.picking_type_id,
       -- the ISO code ('EUR')
       cur.name as currency,
       po.date_order at time zone 'UTC' as date_order,
       elt_local(po.date_order at time zone 'UTC')::date as local_date,
       po.date_approve at time zone 'UTC' as date_approve,
       po.date_planned at time zone 'UTC' as date_planned,
       po.effective_date at time zone 'UTC' as effective_date,
       po.receipt_status,
       po.invoice_status,
       po.amount_untaxed,
       po.amount_tax,
       po.amount_total,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       po.deleted_at
from {{ ref('stg_purchase_order') }} as po
left join {{ ref('stg_res_currency') }} as cur
  on cur.id = po.currency_id and cur.deleted_at is null
where {{ changed(po) }}
