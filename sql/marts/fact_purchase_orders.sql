-- materialized: incremental
-- unique_key: order_id
-- tags: purchases
-- verify: amount_total = sum(purchase.order.amount_total)
-- references: vendor_id -> dim_customers.customer_id; user_id -> dim_users.user_id; picking_type_id -> dim_picking_types.picking_type_id
-- tests: order_id not_null unique; vendor_id not_null relationships(dim_customers.customer_id); amount_total not_null; user_id relationships(dim_users.user_id); picking_type_id relationships(dim_picking_types.picking_type_id)
select po.id as order_id,
       odoo_text(po.data -> 'name') as order_ref,
       odoo_text(po.data -> 'partner_ref') as vendor_ref,
       odoo_text(po.data -> 'state') as state,
       odoo_id(po.data -> 'partner_id') as vendor_id,
       odoo_id(po.data -> 'user_id') as user_id,
       odoo_id(po.data -> 'picking_type_id') as picking_type_id,
       odoo_name(po.data -> 'currency_id') as currency,
       odoo_ts(po.data -> 'date_order') as date_order,
       elt_local(odoo_ts(po.data -> 'date_order'))::date as local_date,
       odoo_ts(po.data -> 'date_approve') as date_approve,
       odoo_ts(po.data -> 'date_planned') as date_planned,
       odoo_ts(po.data -> 'effective_date') as effective_date,
       odoo_text(po.data -> 'receipt_status') as receipt_status,
       odoo_text(po.data -> 'invoice_status') as invoice_status,
       odoo_num(po.data -> 'amount_untaxed') as amount_untaxed,
       odoo_num(po.data -> 'amount_tax') as amount_tax,
       odoo_num(po.data -> 'amount_total') as amount_total,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       po.deleted_at
from {{ source('purchase.order') }} as po
where {{ changed(po) }}
