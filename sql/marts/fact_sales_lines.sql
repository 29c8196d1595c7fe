-- materialized: incremental
-- unique_key: source, line_id
-- tags: sales
-- verify: price_subtotal_incl = sum(pos.order.line.price_subtotal_incl) where source = 'pos'; price_subtotal_incl = sum(sale.order.line.price_total) where source = 'sale'
-- references: product_id -> dim_products.product_id; customer_id -> dim_customers.customer_id; branch_id -> dim_branches.branch_id; reward_id -> dim_promotion_rewards.reward_id; program_id -> dim_promotions.program_id
-- tests: source not_null accepted_values(pos, sale); line_id not_null; order_id not_null; product_id relationships(dim_products.product_id); customer_id relationships(dim_customers.customer_id); branch_id relationships(dim_branches.branch_id); reward_id relationships(dim_promotion_rewards.reward_id); program_id relationships(dim_promotions.program_id)
with pos_touched as (
  -- The lines to (re)write: those that changed, every line of an order that changed
  -- (through the order's stored line list, so no scan of all lines), and the lines
  -- of a reward that changed. The last branch covers an order landed without its list.
  select l.id from {{ source('pos.order.line') }} as l where {{ changed(l) }}
  union
  select unnest(odoo_ids(o.data -> 'lines')) from {{ source('pos.order') }} as o where {{ changed(o) }}
  union
  select l.id from {{ source('pos.order') }} as o
  join {{ source('pos.order.line') }} as l on odoo_id(l.data -> 'order_id') = o.id
  where {{ changed(o) }} and not (o.data ? 'lines')
  union
  select l.id from {{ source('loyalty.reward') }} as r
  join {{ source('pos.order.line') }} as l on odoo_id(l.data -> 'reward_id') = r.id
  where {{ changed(r) }}
), sale_touched as (
  select sl.id from {{ source('sale.order.line') }} as sl where {{ changed(sl) }}
  union
  select unnest(odoo_ids(so.data -> 'order_line')) from {{ source('sale.order') }} as so where {{ changed(so) }}
  union
  select sl.id from {{ source('sale.order') }} as so
  join {{ source('sale.order.line') }} as sl on odoo_id(sl.data -> 'order_id') = so.id
  where {{ changed(so) }} and not (so.data ? 'order_line')
  union
  select sl.id from {{ source('loyalty.reward') }} as r
  join {{ source('sale.order.line') }} as sl on odoo_id(sl.data -> 'reward_id') = r.id
  where {{ changed(r) }}
)
select 'pos' as source,
       l.id as line_id,
       odoo_id(l.data -> 'order_id') as order_id,
       odoo_id(l.data -> 'product_id') as product_id,
       odoo_num(l.data -> 'qty') as qty,
       odoo_num(l.data -> 'price_unit') as price_unit,
       odoo_num(l.data -> 'discount') as discount,
       odoo_num(l.data -> 'price_subtotal') as price_subtotal,
       odoo_num(l.data -> 'price_subtotal_incl') as price_subtotal_incl,
       coalesce(odoo_bool(l.data -> 'is_reward_line'), false) as is_reward_line,
       odoo_id(l.data -> 'reward_id') as reward_id,
       odoo_id(r.data -> 'program_id') as program_id,
       odoo_text(o.data -> 'state') as order_state,
       odoo_ts(o.data -> 'date_order') as date_order,
       elt_local(odoo_ts(o.data -> 'date_order'))::date as local_date,
       odoo_id(o.data -> 'partner_id') as customer_id,
       coalesce(odoo_id(o.data -> 'config_id'), odoo_id(s.data -> 'config_id')) as branch_id,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       l.deleted_at
from {{ source('pos.order.line') }} as l
left join {{ source('pos.order') }} as o on o.id = odoo_id(l.data -> 'order_id')
left join {{ source('pos.session') }} as s on s.id = odoo_id(o.data -> 'session_id')
left join {{ source('loyalty.reward') }} as r on r.id = odoo_id(l.data -> 'reward_id')
-- an array, not a join: the planner then reads the few touched lines by id even when
-- the raw tables' statistics are stale (right after a load), instead of scanning them all
where l.id = any(array(select id from pos_touched))
union all
select 'sale',
       sl.id,
       odoo_id(sl.data -> 'order_id'),
       odoo_id(sl.data -> 'product_id'),
       odoo_num(sl.data -> 'product_uom_qty'),
       odoo_num(sl.data -> 'price_unit'),
       odoo_num(sl.data -> 'discount'),
       odoo_num(sl.data -> 'price_subtotal'),
       odoo_num(sl.data -> 'price_total'),
       -- reward_id and is_reward_line come with sale_loyalty
       coalesce(odoo_bool(sl.data -> 'is_reward_line'), false),
       odoo_id(sl.data -> 'reward_id'),
       odoo_id(r.data -> 'program_id'),
       odoo_text(so.data -> 'state'),
       odoo_ts(so.data -> 'date_order'),
       elt_local(odoo_ts(so.data -> 'date_order'))::date,
       odoo_id(so.data -> 'partner_id'),
       null::bigint,
       sl.deleted_at
from {{ source('sale.order.line') }} as sl
left join {{ source('sale.order') }} as so on so.id = odoo_id(sl.data -> 'order_id')
left join {{ source('loyalty.reward') }} as r on r.id = odoo_id(sl.data -> 'reward_id')
where sl.id = any(array(select id from sale_touched))
  -- section and note lines carry no product and no amount
  and odoo_text(sl.data -> 'display_type') is null
