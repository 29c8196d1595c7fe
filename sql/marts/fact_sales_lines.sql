-- description: One row per POS or sale order line (sections and notes left out): product, quantity, price, discount, subtotals, cost and margin.
-- materialized: incremental
-- unique_key: source, line_id
-- tags: sales
-- verify: price_subtotal_incl = sum(pos.order.line.price_subtotal_incl) where source = 'pos'; price_subtotal_incl = sum(sale.order.line.price_total) where source = 'sale'; cost = sum(pos.order.line.total_cost where is_total_cost_computed = 'true') where cost_source = 'total_cost'; margin = sum(sale.order.line.margin) where cost_source = 'purchase_price'
-- references: product_id -> dim_products.product_id; customer_id -> dim_customers.customer_id; branch_id -> dim_branches.branch_id; reward_id -> dim_promotion_rewards.reward_id; program_id -> dim_promotions.program_id
-- tests: source not_null accepted_values(pos, sale); cost_source accepted_values(total_cost, purchase_price, cost_at_sale, current_cost); line_id not_null; order_id not_null; product_id relationships(dim_products.product_id); customer_id relationships(dim_customers.customer_id); branch_id relationships(dim_branches.branch_id); reward_id relationships(dim_promotion_rewards.reward_id); program_id relationships(dim_promotions.program_id)
with pos_orders as (
  -- The orders that changed, their line lists decoded once for the two branches below.
  select o.id, o.lines from {{ ref('stg_pos_order') }} as o where {{ changed(o) }}
), pos_touched as (
  -- The lines to (re)write: those that changed, every line of an order that changed
  -- (through the order's stored line list, so no scan of all lines), and the lines
  -- of a reward that changed. The third branch covers an order landed without its list.
  select l.id from {{ ref('stg_pos_order_line') }} as l where {{ changed(l) }}
  union
  select unnest(o.lines) from pos_orders as o
  union
  select l.id from pos_orders as o
  join {{ ref('stg_pos_order_line') }} as l on l.order_id = o.id
  where o.lines is null
  union
  select l.id from {{ ref('stg_loyalty_reward') }} as r
  join {{ ref('stg_pos_order_line') }} as l on l.reward_id = r.id
  where {{ changed(r) }}
), sale_orders as (
  select so.id, so.order_line from {{ ref('stg_sale_order') }} as so where {{ changed(so) }}
), sale_touched as (
  select sl.id from {{ ref('stg_sale_order_line') }} as sl where {{ changed(sl) }}
  union
  select unnest(so.order_line) from sale_orders as so
  union
  select sl.id from sale_orders as so
  join {{ ref('stg_sale_order_line') }} as sl on sl.order_id = so.id
  where so.order_line is null
  union
  select sl.id from {{ ref('stg_loyalty_reward') }} as r
  join {{ ref('stg_sale_order_line') }} as sl on sl.reward_id = r.id
  where {{ changed(r) }}
)
select 'pos' as source,
       l.id as line_id,
       l.order_id,
       l.product_id,
       l.qty,
       l.price_unit,
       l.discount,
       l.price_subtotal,
       l.price_subtotal_incl,
       coalesce(l.is_reward_line, false) as is_reward_line,
       l.reward_id,
       r.program_id,
       o.state as order_state,
       -- staging keeps Odoo's naive UTC; the mart's columns are timestamptz
       o.date_order at time zone 'UTC' as date_order,
       elt_local(o.date_order at time zone 'UTC')::date as local_date,
       o.partner_id as customer_id,
       coalesce(o.config_id, s.config_id) as branch_id,
       -- the line's cost: Odoo's own where it computed one (total_cost, Odoo 17+), else the product's
       -- cost on the order's date (snap_product_prices), else its cost now, for the quantity sold
       case when l.is_total_cost_computed then l.total_cost else coalesce(pp.standard_price, p.standard_price) * l.qty end as cost,
       l.price_subtotal - case when l.is_total_cost_computed then l.total_cost else coalesce(pp.standard_price, p.standard_price) * l.qty end as margin,
       case when l.is_total_cost_computed then 'total_cost'
            when pp.standard_price is not null then 'cost_at_sale'
            when p.standard_price is not null then 'current_cost'
       end as cost_source,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       l.deleted_at
from {{ ref('stg_pos_order_line') }} as l
left join {{ ref('stg_pos_order') }} as o on o.id = l.order_id
left join {{ ref('stg_product_product') }} as p on p.id = l.product_id
left join {{ ref('snap_product_prices') }} as pp
  on pp.product_id = l.product_id and o.date_order at time zone 'UTC' >= pp.valid_from
 and (o.date_order at time zone 'UTC' < pp.valid_to or pp.valid_to is null)
left join {{ ref('stg_pos_session') }} as s on s.id = o.session_id
left join {{ ref('stg_loyalty_reward') }} as r on r.id = l.reward_id
-- an array, not a join: the planner then reads the few touched lines by id even when
-- the raw tables' statistics are stale (right after a load), instead of scanning them all
where l.id = any(array(select id from pos_touched))
union all
select 'sale',
       sl.id,
       sl.order_id,
       sl.product_id,
       sl.product_uom_qty,
       sl.price_unit,
       sl.discount,
       sl.price_subtotal,
       sl.price_total,
       -- reward_id and is_reward_line come with sale_loyalty (NULL columns without it)
       coalesce(sl.is_reward_line, false),
       sl.reward_id,
       r.program_id,
       so.state,
       so.date_order at time zone 'UTC',
       elt_local(so.date_order at time zone 'UTC')::date,
       so.partner_id,
       null::bigint,
       -- purchase_price (the unit cost) comes with sale_margin
       coalesce(sl.purchase_price, pp.standard_price, p.standard_price) * sl.product_uom_qty,
       sl.price_subtotal - coalesce(sl.purchase_price, pp.standard_price, p.standard_price) * sl.product_uom_qty,
       case when sl.purchase_price is not null then 'purchase_price'
            when pp.standard_price is not null then 'cost_at_sale'
            when p.standard_price is not null then 'current_cost'
       end,
       sl.deleted_at
from {{ ref('stg_sale_order_line') }} as sl
left join {{ ref('stg_sale_order') }} as so on so.id = sl.order_id
left join {{ ref('stg_product_product') }} as p on p.id = sl.product_id
left join {{ ref('snap_product_prices') }} as pp
  on pp.product_id = sl.product_id and so.date_order at time zone 'UTC' >= pp.valid_from
 and (so.date_order at time zone 'UTC' < pp.valid_to or pp.valid_to is null)
left join {{ ref('stg_loyalty_reward') }} as r on r.id = sl.reward_id
where sl.id = any(array(select id from sale_touched))
  -- section and note lines carry no product and no amount
  and sl.display_type is null
