-- description: One row per POS order or sale order: state, dates, customer, branch, team, channel and amounts.
-- materialized: incremental
-- unique_key: source, order_id
-- tags: sales
-- verify: amount_total = sum(pos.order.amount_total) where source = 'pos'; amount_total = sum(sale.order.amount_total) where source = 'sale'
-- references: customer_id -> dim_customers.customer_id; employee_id -> dim_employees.employee_id; user_id -> dim_users.user_id; branch_id -> dim_branches.branch_id; team_id -> dim_teams.team_id
-- tests: source not_null accepted_values(pos, sale); order_id not_null; date_order not_null; amount_total not_null; channel not_null; customer_id relationships(dim_customers.customer_id); branch_id relationships(dim_branches.branch_id); employee_id relationships(dim_employees.employee_id); user_id relationships(dim_users.user_id); team_id relationships(dim_teams.team_id)
with orders as (
  select 'pos' as source,
         o.id as order_id,
         o.name as order_ref,
         o.pos_reference as external_ref,
         o.state,
         -- staging keeps Odoo's naive UTC; the mart's column is timestamptz
         o.date_order at time zone 'UTC' as date_order,
         o.partner_id as customer_id,
         -- the names the channel rules match: Odoo's display name of the customer ('Company, Person')
         -- and the team's, as of the order's last change (a renamed customer rebuilds none of its orders)
         coalesce(cp.complete_name, cp.name) as customer_name,
         o.employee_id,
         o.user_id,
         -- config_id is stored on the order (related to its session's); the session is the fallback
         coalesce(o.config_id, s.config_id) as branch_id,
         o.session_id,
         -- crm_team_id comes with pos_sale; NULL without it
         o.crm_team_id as team_id,
         ct.name as team_name,
         -- POS orders store no untaxed amount
         o.amount_total - o.amount_tax as amount_untaxed,
         o.amount_tax,
         o.amount_total,
         o.deleted_at
  from {{ ref('stg_pos_order') }} as o
  left join {{ ref('stg_pos_session') }} as s on s.id = o.session_id
  left join {{ ref('stg_res_partner') }} as cp on cp.id = o.partner_id and cp.deleted_at is null
  left join {{ ref('stg_crm_team') }} as ct on ct.id = o.crm_team_id and ct.deleted_at is null
  where {{ changed(o) }}
  union all
  select 'sale',
         so.id,
         so.name,
         so.client_order_ref,
         so.state,
         so.date_order at time zone 'UTC',
         so.partner_id,
         coalesce(sp.complete_name, sp.name),
         null::bigint,
         so.user_id,
         null::bigint,
         null::bigint,
         so.team_id,
         st.name,
         so.amount_untaxed,
         so.amount_tax,
         so.amount_total,
         so.deleted_at
  from {{ ref('stg_sale_order') }} as so
  left join {{ ref('stg_res_partner') }} as sp on sp.id = so.partner_id and sp.deleted_at is null
  left join {{ ref('stg_crm_team') }} as st on st.id = so.team_id and st.deleted_at is null
  where {{ changed(so) }}
)
select o.source,
       o.order_id,
       o.order_ref,
       o.external_ref,
       o.state,
       o.date_order,
       elt_local(o.date_order)::date as local_date,
       extract(hour from elt_local(o.date_order))::int as local_hour,
       o.customer_id,
       o.employee_id,
       o.user_id,
       o.branch_id,
       o.session_id,
       o.team_id,
       -- The first rule by priority (lowest first) whose non-empty cells all match; names
       -- match case-insensitively and may hold % wildcards (ILIKE patterns).
       coalesce(
         (select r.channel
            from {{ ref('seed_sale_channel_rules') }} as r
           where (nullif(btrim(r.source), '') is null or btrim(r.source) = o.source)
             and (nullif(btrim(r.team_name), '') is null or o.team_name ilike btrim(r.team_name))
             and (nullif(btrim(r.partner_name), '') is null or o.customer_name ilike btrim(r.partner_name))
           order by nullif(btrim(r.priority), '')::numeric nulls last, r.channel
           limit 1),
         case o.source when 'pos' then 'in_store' else 'other' end
       ) as channel,
       o.amount_untaxed,
       o.amount_tax,
       o.amount_total,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       o.deleted_at
from orders as o
