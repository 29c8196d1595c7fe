-- materialized: incremental
-- unique_key: source, order_id
-- tags: sales
-- verify: amount_total = sum(pos.order.amount_total) where source = 'pos'; amount_total = sum(sale.order.amount_total) where source = 'sale'
-- references: customer_id -> dim_customers.customer_id; employee_id -> dim_employees.employee_id; user_id -> dim_users.user_id; branch_id -> dim_branches.branch_id; team_id -> dim_teams.team_id
-- tests: source not_null accepted_values(pos, sale); order_id not_null; date_order not_null; amount_total not_null; channel not_null; customer_id relationships(dim_customers.customer_id); branch_id relationships(dim_branches.branch_id); employee_id relationships(dim_employees.employee_id); user_id relationships(dim_users.user_id); team_id relationships(dim_teams.team_id)
with orders as (
  select 'pos' as source,
         o.id as order_id,
         odoo_text(o.data -> 'name') as order_ref,
         odoo_text(o.data -> 'pos_reference') as external_ref,
         odoo_text(o.data -> 'state') as state,
         odoo_ts(o.data -> 'date_order') as date_order,
         odoo_id(o.data -> 'partner_id') as customer_id,
         odoo_name(o.data -> 'partner_id') as customer_name,
         odoo_id(o.data -> 'employee_id') as employee_id,
         odoo_id(o.data -> 'user_id') as user_id,
         -- config_id is stored on the order (related to its session's); the session is the fallback
         coalesce(odoo_id(o.data -> 'config_id'), odoo_id(s.data -> 'config_id')) as branch_id,
         odoo_id(o.data -> 'session_id') as session_id,
         -- crm_team_id comes with pos_sale; NULL without it
         odoo_id(o.data -> 'crm_team_id') as team_id,
         odoo_name(o.data -> 'crm_team_id') as team_name,
         -- POS orders store no untaxed amount
         odoo_num(o.data -> 'amount_total') - odoo_num(o.data -> 'amount_tax') as amount_untaxed,
         odoo_num(o.data -> 'amount_tax') as amount_tax,
         odoo_num(o.data -> 'amount_total') as amount_total,
         o.deleted_at
  from {{ source('pos.order') }} as o
  left join {{ source('pos.session') }} as s on s.id = odoo_id(o.data -> 'session_id')
  where {{ changed(o) }}
  union all
  select 'sale',
         so.id,
         odoo_text(so.data -> 'name'),
         odoo_text(so.data -> 'client_order_ref'),
         odoo_text(so.data -> 'state'),
         odoo_ts(so.data -> 'date_order'),
         odoo_id(so.data -> 'partner_id'),
         odoo_name(so.data -> 'partner_id'),
         null::bigint,
         odoo_id(so.data -> 'user_id'),
         null::bigint,
         null::bigint,
         odoo_id(so.data -> 'team_id'),
         odoo_name(so.data -> 'team_id'),
         odoo_num(so.data -> 'amount_untaxed'),
         odoo_num(so.data -> 'amount_tax'),
         odoo_num(so.data -> 'amount_total'),
         so.deleted_at
  from {{ source('sale.order') }} as so
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
