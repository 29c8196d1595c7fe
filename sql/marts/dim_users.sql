-- materialized: incremental
-- unique_key: user_id
-- tags: people
-- tests: user_id not_null unique
select u.id as user_id,
       odoo_text(u.data -> 'login') as login,
       -- a user's name and email are its partner's (res.users inherits res.partner)
       coalesce(odoo_text(p.data -> 'name'), odoo_name(u.data -> 'partner_id')) as name,
       odoo_text(p.data -> 'email') as email,
       odoo_id(u.data -> 'partner_id') as partner_id,
       odoo_id(u.data -> 'sale_team_id') as team_id,
       odoo_bool(u.data -> 'share') as is_share,
       odoo_bool(u.data -> 'active') as active,
       odoo_ts(u.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       u.deleted_at
from {{ source('res.users') }} as u
left join {{ source('res.partner') }} as p
  on p.id = odoo_id(u.data -> 'partner_id') and p.deleted_at is null
where {{ changed(u) }} or {{ changed(p) }}
